# cmake -DROOT=<source dir> -DCLANG_FORMAT=<path> -P check_format.cmake — fails when a file is not formatted.
file(GLOB_RECURSE sources
    "${ROOT}/shared/*.h" "${ROOT}/shared/*.cpp" "${ROOT}/sync/*.h" "${ROOT}/sync/*.cpp" "${ROOT}/web/*.h" "${ROOT}/web/*.cpp"
    "${ROOT}/node/*.h" "${ROOT}/node/*.cpp" "${ROOT}/hub/*.h" "${ROOT}/hub/*.cpp"
    "${ROOT}/tests/*.h" "${ROOT}/tests/*.cpp")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Some files are not formatted; run: clang-format -i <file>\n${err}")
endif()
