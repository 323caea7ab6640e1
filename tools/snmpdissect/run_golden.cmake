# Runs snmpdissect and compares its standard output with a golden file byte
# for byte (ctest golden_* cases; tools/gen-golden.sh writes the files).
#
#   cmake -DPROGRAM=<exe> -DARGS="-r;x.pcap;-V" -DGOLDEN=<file> -DACTUAL=<file>
#         -P run_golden.cmake
# Exit status 0 or 2 (a malformed message) is accepted: the golden output
# records what the tool printed either way.
execute_process(COMMAND "${PROGRAM}" ${ARGS}
                RESULT_VARIABLE status OUTPUT_FILE "${ACTUAL}" ERROR_VARIABLE err)
if(NOT status MATCHES "^[02]$")
  message(FATAL_ERROR "exit status ${status}; stderr:\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${GOLDEN}" "${ACTUAL}"
                RESULT_VARIABLE differ)
if(differ)
  execute_process(COMMAND diff -u "${GOLDEN}" "${ACTUAL}" OUTPUT_VARIABLE diff)
  string(SUBSTRING "${diff}" 0 6000 diff)
  message(FATAL_ERROR "output differs from ${GOLDEN} (regenerate with tools/gen-golden.sh "
                      "if the change is intended):\n${diff}")
endif()
