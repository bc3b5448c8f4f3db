# Runs the built brief to make its man page and shell completions:
#   cmake -DBRIEF=path/to/brief -DOUT=dir -P generate_docs.cmake
file(MAKE_DIRECTORY ${OUT}/completions)
foreach(spec "brief.1;--man" "brief.schema.json;schema" "completions/brief;completion;bash" "completions/_brief;completion;zsh"
             "completions/brief.fish;completion;fish")
  list(POP_FRONT spec file)
  execute_process(COMMAND ${BRIEF} ${spec} OUTPUT_FILE ${OUT}/${file} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${BRIEF} ${spec} failed: ${status}")
  endif()
endforeach()
