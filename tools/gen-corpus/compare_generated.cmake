# Runs a capture generator and requires its output to equal the committed
# file byte for byte (regenerate with: GENERATOR COMMITTED).
#
#   cmake -DGENERATOR=<exe> -DCOMMITTED=<file> -DFRESH=<scratch file> -P compare_generated.cmake
execute_process(COMMAND "${GENERATOR}" "${FRESH}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} failed (${status})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${COMMITTED}" "${FRESH}"
                RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${COMMITTED} differs from what ${GENERATOR} writes now: "
                      "regenerate it (${GENERATOR} ${COMMITTED}) and its goldens (tools/gen-golden.sh)")
endif()
