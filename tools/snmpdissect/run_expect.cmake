# Runs a command and checks its exit status and output, for end-to-end
# ctest cases (add_test's PASS_REGULAR_EXPRESSION ignores the exit status).
#
#   cmake -DPROGRAM=<exe> -DARG1=--hex -DARG2=zz [-DARG3=...]
#         [-DINPUT=<file for stdin>] -DEXPECT_EXIT=1
#         [-DEXPECT_STDOUT=<regex>] [-DEXPECT_STDERR=<regex>] -P run_expect.cmake
set(args)
foreach(i RANGE 1 16)
  if(DEFINED ARG${i})
    list(APPEND args "${ARG${i}}")
  endif()
endforeach()
if(DEFINED INPUT)
  execute_process(COMMAND "${PROGRAM}" ${args} INPUT_FILE "${INPUT}"
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  execute_process(COMMAND "${PROGRAM}" ${args}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
message("exit status: ${status}\n--- stdout:\n${out}--- stderr:\n${err}---")
if(NOT "${status}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit status ${EXPECT_EXIT}, got ${status}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match: ${EXPECT_STDOUT}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match: ${EXPECT_STDERR}")
endif()
