// brief: YAML company briefs → one-page PDF reports. Thin: argv → Job → RunJob.
#include <iostream>

#include "app/job.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  try {
    brief::CommandLine cl = brief::ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    switch (cl.action) {
      case brief::CommandLine::Action::kPrint:
        std::cout << cl.text;
        return brief::kExitOk;
      case brief::CommandLine::Action::kUsageError:
        std::cerr << "brief: error: " << cl.text << (cl.text.back() == '\n' ? "" : "\n");
        return brief::kExitUsage;
      case brief::CommandLine::Action::kRun:
        break;
    }
    brief::DiskFileSystem fs;
    return brief::RunJob(cl.job, fs, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // A bug, not an input problem: say so rather than abort.
    std::cerr << "brief: internal error: " << e.what() << "\n";
    return brief::kExitInvalid;
  }
}
