#include "cli/options.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "base/edit_distance.h"

namespace brief {

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: brief <command> [options] PATH...\n"
    "\n"
    "Turns YAML company briefs into one-page PDF reports.\n"
    "\n"
    "commands:\n"
    "  validate PATH...   check briefs: the format, and that -t TEMPLATE can draw them\n"
    "  render PATH...     render briefs to PDF (-o DIR, -t TEMPLATE)\n"
    "\n"
    "options:\n"
    "  -h, --help         show this help (or 'brief COMMAND --help')\n"
    "  --version          print the version\n"
    "\n"
    "exit status: 0 all inputs valid, 1 an input is invalid or was not rendered,\n"
    "2 usage error. Documentation: docs/cli.md, docs/brief-format.md\n";

int DefaultJobs() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(std::min(cores, 16u));
}

CommandLine UsageError(const std::string& message) {
  CommandLine c;
  c.action = CommandLine::Action::kUsageError;
  c.text = message;
  return c;
}

CommandLine Print(const std::string& text) {
  CommandLine c;
  c.action = CommandLine::Action::kPrint;
  c.text = text;
  return c;
}

po::options_description CommandOptions(const std::string& command, bool* strict, bool* quiet,
                                       std::string* format, std::string* output,
                                       std::string* templ, int* jobs) {
  po::options_description desc(fmt::format("brief {} options", command));
  auto add = desc.add_options();
  add("help,h", "show this help");
  add("strict", po::bool_switch(strict), "treat warnings as errors");
  add("format", po::value(format)->default_value("text")->value_name("text|json"),
      "diagnostics as text on stderr, or one JSON object per brief on stdout");
  add("quiet,q", po::bool_switch(quiet), "no summary line");
  add("template,t", po::value(templ)->default_value("classic")->value_name("TEMPLATE"),
      "template name (templates/NAME.yaml) or path to a template file");
  if (command == "render") {
    add("output,o", po::value(output)->default_value("output")->value_name("DIR"),
        "folder for the PDFs (created if missing)");
    add("jobs,j", po::value(jobs)->default_value(DefaultJobs())->value_name("N"),
        "render N briefs at once (default: one per CPU core)");
  }
  return desc;
}

}  // namespace

const char* BriefVersion() { return "0.1.0"; }

std::string ResourceDir(const char* argv0) {
  if (const char* home = std::getenv("BRIEF_HOME"); home && *home) return home;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) exe = std::filesystem::absolute(argv0, ec);
  std::filesystem::path root = exe.parent_path().parent_path();
  if (!ec && std::filesystem::is_directory(root / "templates", ec)) return root.string();
  return ".";
}

CommandLine ParseCommandLine(const std::vector<std::string>& args) {
  static const std::vector<std::string> kCommands = {"validate", "render"};
  if (args.empty()) return UsageError(std::string("no command given\n\n") + kUsage);
  const std::string& command = args[0];
  if (command == "-h" || command == "--help" || command == "help") return Print(kUsage);
  if (command == "--version" || command == "-V") {
    return Print(fmt::format("brief {}\n", BriefVersion()));
  }
  if (std::find(kCommands.begin(), kCommands.end(), command) == kCommands.end()) {
    std::string guess = NearestMatch(command, kCommands);
    return UsageError(fmt::format("unknown command '{}'{}; commands: validate, render", command,
                                  guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
  }

  CommandLine result;
  Job& job = result.job;
  job.command = command == "render" ? Job::Command::kRender : Job::Command::kValidate;
  std::string format;
  po::options_description desc = CommandOptions(command, &job.strict, &job.quiet, &format,
                                                &job.output_dir, &job.template_name, &job.jobs);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&job.inputs));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    std::vector<std::string> rest(args.begin() + 1, args.end());
    po::store(po::command_line_parser(rest).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(fmt::format("{}: {}; see 'brief {} --help'", command, e.what(), command));
  }
  if (vm.count("help")) {
    std::ostringstream text;
    text << fmt::format("usage: brief {} [options] PATH...\n\n", command) << desc;
    return Print(text.str());
  }
  if (format == "json") {
    job.format = OutputFormat::kJson;
  } else if (format != "text") {
    return UsageError(fmt::format("{}: --format must be text or json, not '{}'", command, format));
  }
  if (job.jobs < 1 || job.jobs > 256) {
    return UsageError(fmt::format("{}: --jobs must be from 1 to 256, not {}", command, job.jobs));
  }
  if (job.inputs.empty()) {
    return UsageError(fmt::format("{}: no PATH given; see 'brief {} --help'", command, command));
  }
  return result;
}

}  // namespace brief
