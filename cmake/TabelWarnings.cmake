# Every tabel target links tabel_warnings: one place for the warning set and the sanitizers.
add_library(tabel_warnings INTERFACE)
target_compile_options(tabel_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
if(TABEL_WERROR)
    target_compile_options(tabel_warnings INTERFACE -Werror)
endif()
if(TABEL_SANITIZE)
    target_compile_options(tabel_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
    target_link_options(tabel_warnings INTERFACE -fsanitize=address,undefined)
endif()
# Qt: no implicit casts from char* to QString, so every user-visible string is a deliberate choice.
target_compile_definitions(tabel_warnings INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
