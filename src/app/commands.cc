#include "app/commands.h"

#include <algorithm>
#include <ostream>
#include <string>

namespace brief {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"validate", "check briefs: the format, and that -t TEMPLATE can draw them", RunValidateCommand},
      {"render", "render briefs to PDF in OUT, incrementally, with OUT/manifest.json", RunRenderCommand},
      {"mail", "render briefs and mail each as a PDF attachment (--eml, --smtp, --dry-run)", nullptr},
      {"manifest", "manifest merge: join the manifests of a sharded batch", RunManifestCommand},
      {"templates", "list the templates -t can name, and where each one is", RunTemplatesCommand},
      {"init", "init NAME: write NAME.yaml, a commented skeleton brief to fill in", RunInitCommand},
      {"schema", "print the brief format as a JSON Schema, for editors", RunSchemaCommand},
      {"watch", "render briefs again whenever they or the template change", RunWatchCommand},
  };
  return kCommands;
}

const Command* FindCommand(const std::string& name) {
  for (const Command& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

int RunJob(const Job& given, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  const Command* command = FindCommand(given.command);
  if (!command || !command->run) return kExitUsage;
  // "-" is the brief on standard input, a file named job.stdin_name for
  // the whole run.
  Job job = given;
  OverlayFileSystem overlay(fs);
  if (std::count(job.inputs.begin(), job.inputs.end(), "-") > 1) {
    err << "brief: error: " << job.command << ": '-' (standard input) is given more than once\n";
    return kExitUsage;
  }
  for (std::string& input : job.inputs) {
    if (input == "-") {
      input = job.stdin_name;
      overlay.Add(job.stdin_name, job.stdin_text);
    }
  }
  return command->run(job, overlay, out, err);
}

}  // namespace brief
