# Fails when a user-visible string in ui/ has no finished German translation, i.e. when someone
# added or changed a tr() text without running `ninja update_translations` and translating it.
# Runs lupdate on a scratch copy of the catalogue so the checked-in .ts is never touched.
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DTS=... -DWORK_DIR=... -P translations_current.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
set(scratch "${WORK_DIR}/rootline_de.ts")
configure_file("${TS}" "${scratch}" COPYONLY)
execute_process(
  # Without -no-obsolete: a string removed from the sources shows up as "vanished".
  COMMAND "${LUPDATE}" -silent -locations none -extensions cpp,h
          "${SOURCE_DIR}/ui" -ts "${scratch}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ "${scratch}" xml)
# A scan that found nothing would leave nothing unfinished: make sure it found the sources.
string(REGEX MATCHALL "<message[ >]" messages "${xml}")
list(LENGTH messages found)
if(found LESS 100)
  message(FATAL_ERROR "lupdate found only ${found} message(s) in ${SOURCE_DIR}/ui")
endif()
string(REGEX MATCHALL "<source>[^<]*</source>\n[ \t]*<(comment|translation type=\"unfinished\")[^\n]*"
       unfinished "${xml}")
set(missing "")
foreach(entry IN LISTS unfinished)
  if(entry MATCHES "type=\"unfinished\"")
    string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${entry}")
    string(APPEND missing "\n  ${text}")
  endif()
endforeach()
string(REGEX MATCHALL "type=\"(unfinished|vanished|obsolete)\"" marks "${xml}")
list(LENGTH marks count)
if(count GREATER 0)
  message(FATAL_ERROR "translations/rootline_de.ts is out of date: ${count} message(s) new, "
                      "changed or removed in ui/. Run `ninja -C build update_translations` and "
                      "translate them.${missing}")
endif()
message(STATUS "German catalogue covers every string in ui/")
