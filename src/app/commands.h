// The subcommands, in one table (as ninja's tools): each is a function in
// its own file, `<name>_command.cc`.
#pragma once

#include <iosfwd>
#include <vector>

#include "app/job.h"

namespace brief {

struct Command {
  const char* name;
  const char* summary;  // One line for `brief --help`.
  // nullptr for a command of its own executable (mail: brief-mail, which
  // links GMime and libcurl, so that the others do not load them).
  int (*run)(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
};

// Every command, in the order `brief --help` lists them.
const std::vector<Command>& Commands();

// The command named `name`, or nullptr.
const Command* FindCommand(const std::string& name);

int RunValidateCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunRenderCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
// In the briefmail library (brief-mail).
int RunMailCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunManifestCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunTemplatesCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunInitCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunSchemaCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);
int RunWatchCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);

}  // namespace brief
