# Fails when a client string has no finished French translation, i.e. someone added or changed a
# tr() string in client-desktop/ without running `cmake --build <dir> --target update_translations`
# and translating it. Works on copies: the .ts files in the source tree are not touched.
#
# cmake -DLUPDATE=... -DTS_FILE=.../lectern_fr.ts -DSOURCES_FILE=... -DWORK_DIR=... -P checktranslations.cmake
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS_FILE}" "${copy}")
file(STRINGS "${SOURCES_FILE}" sources)
execute_process(
    COMMAND "${LUPDATE}" -silent -locations none -no-obsolete ${sources} -ts "${copy}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result})")
endif()

file(READ "${copy}" content)
# One <context> block at a time: client contexts must be complete, others are only reported.
# (No CMake lists here: the XML is full of semicolons, e.g. in &apos;.)
set(missing_client 0)
set(missing_other 0)
set(rest "${content}")
while(TRUE)
    string(FIND "${rest}" "<context>" start)
    string(FIND "${rest}" "</context>" end)
    if(start EQUAL -1 OR end EQUAL -1)
        break()
    endif()
    math(EXPR length "${end} - ${start}")
    string(SUBSTRING "${rest}" ${start} ${length} block)
    math(EXPR next "${end} + 10")
    string(SUBSTRING "${rest}" ${next} -1 rest)

    string(REGEX MATCH "<name>([^<]*)</name>" _ "${block}")
    set(context "${CMAKE_MATCH_1}")
    string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${block}")
    list(LENGTH unfinished count)
    if(count EQUAL 0)
        continue()
    endif()
    if(context MATCHES "^Lectern::Client::" OR context STREQUAL "main")
        math(EXPR missing_client "${missing_client} + ${count}")
        message(STATUS "${ts_name}: ${count} untranslated in ${context}")
    else()
        math(EXPR missing_other "${missing_other} + ${count}")
        message(STATUS "${ts_name}: ${count} untranslated in ${context} (not a client string)")
    endif()
endwhile()
if(missing_client GREATER 0)
    message(FATAL_ERROR "${ts_name}: ${missing_client} client string(s) without a translation. "
        "Run `cmake --build <build dir> --target update_translations`, translate them "
        "(linguist ${TS_FILE}), and rebuild.")
endif()
message(STATUS "${ts_name}: all client strings translated (${missing_other} other untranslated)")
