// brief: YAML company briefs → one-page PDF reports. Thin: argv → Job → RunJob.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/job.h"
#include "cli/options.h"
#include "load/yaml_loader.h"

#ifndef BRIEF_MAIL
namespace {

// `brief mail` is the brief-mail executable beside this one (it links GMime
// and libcurl, whose loading would cost every other command ~10 ms): run
// it in this process's place, with the same arguments.
[[noreturn]] void ExecMail(char** argv) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::string mail = (self.parent_path() / "brief-mail").string();
  argv[0] = mail.data();
  execv(mail.c_str(), argv);
  std::cerr << "brief: error: 'brief mail' runs " << mail << ", which cannot be started: "
            << std::strerror(errno) << "\n";
  std::exit(brief::kExitUsage);
}

}  // namespace
#endif

int main(int argc, char** argv) {
  // A closed standard output (`| head -1`) is a failed write, reported and
  // exit 1 as the docs say, not death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
#ifndef BRIEF_MAIL
  if (argc > 1 && std::string(argv[1]) == "mail") ExecMail(argv);
#endif
  try {
    std::error_code ec;
    std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    brief::CommandLine cl = brief::ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc),
                                                    [](const char* name) { return std::getenv(name); }, exe);
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
    // A live progress line and colour only for a person watching a
    // terminal: not in CI logs (CI set), and no colour under NO_COLOR
    // (no-color.org) or on a terminal that cannot show it.
    auto set = [](const char* name) {
      const char* v = std::getenv(name);
      return v && *v;
    };
    const char* term = std::getenv("TERM");
    bool terminal = isatty(STDERR_FILENO) && !(term && std::string(term) == "dumb");
    cl.job.progress = terminal && !set("CI") && !cl.job.quiet;
    cl.job.color = brief::UseColor(cl.job.color_mode, terminal, [](const char* name) { return std::getenv(name); });
    if (cl.job.format == brief::OutputFormat::kGithub && set("GITHUB_STEP_SUMMARY")) {
      cl.job.step_summary = std::getenv("GITHUB_STEP_SUMMARY");
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
      char* end = nullptr;
      errno = 0;
      long long value = std::strtoll(epoch, &end, 10);
      // A PDF date has a four-digit year: up to the end of 9999. Digits
      // only (strtoll alone would take " 17" and "+17").
      constexpr long long kLast = 253402300799LL;
      bool digits = std::string(epoch).find_first_not_of("0123456789") == std::string::npos;
      if (!digits || *end != '\0' || errno == ERANGE || value < 0 || value > kLast) {
        std::cerr << "brief: error: SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to "
                  << kLast << " (the end of 9999), not '" << epoch << "'\n";
        return brief::kExitUsage;
      }
      cl.job.source_date_epoch = value;
    }
    cl.job.stdout_terminal = isatty(STDOUT_FILENO);
    if (std::find(cl.job.inputs.begin(), cl.job.inputs.end(), "-") != cl.job.inputs.end()) {
      // The brief on standard input, read whole (one byte past the limit,
      // so the loader can say it is too large).
      std::string text;
      char buffer[65536];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<size_t>(std::cin.gcount()));
        if (text.size() > brief::LoadLimits().max_bytes) break;
      }
      cl.job.stdin_text = std::move(text);
    }
    brief::DiskFileSystem fs;
#ifdef BRIEF_MAIL
    int status = cl.job.command == "mail" ? brief::RunMailCommand(cl.job, fs, std::cout, std::cerr)
                                          : brief::RunJob(cl.job, fs, std::cout, std::cerr);
#else
    int status = brief::RunJob(cl.job, fs, std::cout, std::cerr);
#endif
    // A report that did not reach standard output (a full disk, a closed
    // pipe) is a failure, not a success with a truncated report.
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "brief: error: cannot write to standard output: " << std::strerror(errno) << "\n";
      if (status == brief::kExitOk) status = brief::kExitInvalid;
    }
    return status;
  } catch (const std::exception& e) {
    // A bug, not an input problem: say so rather than abort.
    std::cerr << "brief: internal error: " << e.what() << "\n";
    return brief::kExitInvalid;
  }
}
