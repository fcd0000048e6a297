# tabel_add_qtest(NAME name SOURCES ... [LIBS ...] [LABEL module] [TIMEOUT s])
# One QtTest executable per class under test, registered with CTest and labelled by module.
function(tabel_add_qtest)
    cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test tabel_test_support ${T_LIBS} tabel_warnings)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "TABEL_LANG=en;QT_QPA_PLATFORM=offscreen;TABEL_NODE_BIN=$<TARGET_FILE:tabel-node>;TABEL_HUB_BIN=$<TARGET_FILE:tabel-hub>;TABEL_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
