// The man page and the shell completion scripts, made from the same
// command and option tables as --help, so they cannot drift from it.
#pragma once

#include <string>

namespace brief {

// brief(1) in man(7) roff: every command, every option of each (with its
// value and default), the resource search path, the environment and the
// exit status.
std::string ManPage();

// The completion script for `shell` ("bash", "zsh" or "fish"): commands,
// each command's options, template names (from `brief templates` when
// completing), formats and colours, and brief files (*.yaml, *.yml) and
// folders. "" with *error set for another shell.
std::string CompletionScript(const std::string& shell, std::string* error);

}  // namespace brief
