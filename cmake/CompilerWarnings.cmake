# Warnings for Rootline's own targets (not for third-party headers).
function(rootline_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow=local -Wnon-virtual-dtor)
  if(ROOTLINE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    # GCC 12 (Debian 12's compiler) reports -Wrestrict on std::string concatenation at -O3
    # where there is no overlap (GCC bugs 105329, 105651); keep it a warning, not an error.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-error=restrict)
    endif()
  endif()
endfunction()
