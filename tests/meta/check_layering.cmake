# cmake -DROOT=<source dir> -P check_layering.cmake — fails when a module includes a module above it.
# web/ is the generic local web server (sessions, CSRF, Host check, CSP) that node/web and later hub/ build on.
# Inside node/: the store, the journal and the sync client know neither the web journal nor the CLI; the web journal
# (node/web) does not use the CLI.
set(rules
    "shared:sync|web|node|hub"
    "sync:web|node|hub"
    "web:sync|node|hub"
    "node:hub"
    "hub:node"
    "node/store:node/core|node/sync|node/web|node/cli"
    "node/core:node/web|node/cli"
    "node/sync:node/web|node/cli"
    "node/web:node/cli")
set(violations "")
foreach(rule IN LISTS rules)
    string(REPLACE ":" ";" parts "${rule}")
    list(GET parts 0 module)
    list(GET parts 1 forbidden)
    file(GLOB_RECURSE sources "${ROOT}/${module}/*.h" "${ROOT}/${module}/*.cpp")
    foreach(src IN LISTS sources)
        file(STRINGS "${src}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<](${forbidden})/")
        foreach(line IN LISTS includes)
            file(RELATIVE_PATH rel "${ROOT}" "${src}")
            string(APPEND violations "  ${rel}: ${line}\n")
        endforeach()
    endforeach()
    # The build graph must agree: a module's CMakeLists may not link a forbidden module's library.
    file(GLOB_RECURSE lists "${ROOT}/${module}/CMakeLists.txt")
    string(REPLACE "|" ";" forbidden_list "${forbidden}")
    foreach(cml IN LISTS lists)
        file(READ "${cml}" content)
        foreach(f IN LISTS forbidden_list)
            string(REPLACE "/" "_" f "${f}")
            if(content MATCHES "target_link_libraries[^)]*tabel_${f}(_core)?[ \t\n)]")
                file(RELATIVE_PATH rel "${ROOT}" "${cml}")
                string(APPEND violations "  ${rel}: links tabel_${f}\n")
            endif()
        endforeach()
    endforeach()
endforeach()
# The command lines use the stores' operations, never their database: no raw database() handle, no SQL text
# (issue 8 item 9). A store exposes what its CLI needs.
foreach(cli IN ITEMS node/cli hub/cli)
    file(GLOB_RECURSE sources "${ROOT}/${cli}/*.h" "${ROOT}/${cli}/*.cpp")
    foreach(src IN LISTS sources)
        file(STRINGS "${src}" raw REGEX "(\\.|->)database\\(\\)|\"[ \t]*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE)[ \t]")
        foreach(line IN LISTS raw)
            # A store's folder names its database file (Paths::database()): a path, not the handle.
            string(REGEX REPLACE "paths(\\(\\))?\\.database\\(\\)" "" rest "${line}")
            if(NOT rest MATCHES "(\\.|->)database\\(\\)|\"[ \t]*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE)[ \t]")
                continue()
            endif()
            file(RELATIVE_PATH rel "${ROOT}" "${src}")
            string(STRIP "${line}" line)
            string(APPEND violations "  ${rel}: uses the store's database directly: ${line}\n")
        endforeach()
    endforeach()
endforeach()
if(violations)
    message(FATAL_ERROR "Module directions broken (see ARCHITECTURE.md):\n${violations}")
endif()
message(STATUS "module directions hold")
