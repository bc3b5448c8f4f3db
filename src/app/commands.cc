#include "app/commands.h"

#include <string>

namespace brief {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"validate", "check briefs: the format, and that -t TEMPLATE can draw them", RunValidateCommand},
      {"render", "render briefs to PDF in OUT, incrementally, with OUT/manifest.json", RunRenderCommand},
      {"mail", "render briefs and mail each as a PDF attachment (--eml, --smtp, --dry-run)", nullptr},
      {"manifest", "manifest merge: join the manifests of a sharded batch", RunManifestCommand},
  };
  return kCommands;
}

const Command* FindCommand(const std::string& name) {
  for (const Command& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

int RunJob(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  const Command* command = FindCommand(job.command);
  return command && command->run ? command->run(job, fs, out, err) : kExitUsage;
}

}  // namespace brief
