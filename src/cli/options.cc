#include "cli/options.h"

#include <sched.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "app/commands.h"
#include "base/edit_distance.h"
#include "base/utf8.h"
#include "batch/hash_store.h"
#include "cli/help_formats.h"

namespace brief {

namespace po = boost::program_options;

namespace {

std::string Usage() {
  std::string commands;
  for (const Command& c : Commands()) commands += fmt::format("  {:<10} {}\n", c.name, c.summary);
  return "usage: brief <command> [options] PATH...\n"
         "\n"
         "Turns YAML company briefs into one-page PDF reports.\n"
         "\n"
         "commands:\n" +
         commands +
         fmt::format("  {:<10} {}\n", "completion", "print the shell completion script: completion bash|zsh|fish") +
         "\n"
         "options:\n"
         "  -h, --help   show this help (or 'brief COMMAND --help')\n"
         "  --version    print the version\n"
         "\n"
         "exit status: 0 all inputs valid, 1 an input is invalid or was not rendered,\n"
         "2 usage error, 130/143 interrupted (SIGINT/SIGTERM).\n"
         "Documentation: docs/cli.md, docs/brief-format.md, docs/manifest.md\n";
}

// The CPUs this process may run on (taskset, a container's cpuset), not
// every CPU of the machine; at most 16.
int DefaultJobs() {
  cpu_set_t set;
  int cores = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                           : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, 16);
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

// Where the option values go before they are checked.
struct Raw {
  std::string format, shard, color, resources;
  bool no_cache = false;
};

po::options_description CommandOptions(const std::string& command, Job* job, Raw* raw) {
  po::options_description desc(fmt::format("brief {} options", command));
  auto add = desc.add_options();
  add("help,h", "show this help");
  if (command == "templates" || command == "init" || command == "schema") {
    if (command == "init") add("quiet,q", po::bool_switch(&job->quiet), "say nothing when it worked");
    if (command != "schema") {
      add("resources", po::value(&raw->resources)->value_name("DIR"),
          "look for templates/ and fonts/ in DIR first (see docs/cli.md)");
    }
    return desc;
  }
  if (command == "manifest") {
    add("output,o", po::value(&job->merge_output)->value_name("FILE"),
        "write the merged manifest to FILE (default: standard output)");
    add("quiet,q", po::bool_switch(&job->quiet), "no summary line");
    return desc;
  }
  add("strict", po::bool_switch(&job->strict), "treat warnings as errors");
  if (command == "mail") {
    add("format", po::value(&raw->format)->default_value("text")->value_name("text|short"),
        "diagnostics on stderr with the source line and a caret (text), or one line each (short)");
  } else {
    add("format", po::value(&raw->format)->default_value("text")->value_name("text|short|json|github"),
        "diagnostics on stderr with the source line and a caret (text), or one line each "
        "(short); one JSON object per brief and a summary on stdout (json); or GitHub Actions "
        "annotations on stdout (github)");
    add("junit", po::value(&job->junit_file)->value_name("FILE"),
        "also write a JUnit XML report (one testcase per brief) to FILE");
  }
  add("quiet,q", po::bool_switch(&job->quiet), "no summary line");
  add("color", po::value(&raw->color)->default_value("auto")->value_name("auto|always|never"),
      "colour in text diagnostics; auto: on a terminal, unless NO_COLOR or CI is set "
      "(CLICOLOR_FORCE forces it)");
  add("recursive,r", po::bool_switch(&job->recursive), "read the briefs in sub-folders too");
  add("template,t", po::value(&job->template_name)->default_value("classic")->value_name("TEMPLATE"),
      "template name (see 'brief templates') or path to a template file");
  add("resources", po::value(&raw->resources)->value_name("DIR"),
      "look for templates/ and fonts/ in DIR first (see docs/cli.md)");
  if (command != "mail" && command != "watch") {
    add("stdin-name", po::value(&job->stdin_name)->value_name("NAME"),
        "the name of the brief read from '-' (standard input) in diagnostics (default: stdin)");
  }
  if (command == "validate" || command == "render" || command == "mail" || command == "watch") {
    add("no-cache", po::bool_switch(&raw->no_cache),
        "use no cache: hash every font, look every font up and parse the template again (caches "
        "live in $XDG_CACHE_HOME/brief, else ~/.cache/brief)");
  }
  if (command == "validate") {
    add("no-layout", po::bool_switch(&job->no_layout),
        "check the format only: not that the template can draw the brief on one page");
  }
  if (command == "watch") {
    add("debounce", po::value(&job->debounce_ms)->default_value(200)->value_name("MS"),
        "wait until files have been quiet this long after a change before rendering");
  }
  if (command == "render" || command == "mail" || command == "watch") {
    add("output,o", po::value(&job->output_dir)->default_value("output")->value_name("DIR"),
        command == "render" ? "folder for the PDFs and manifest.json (created if missing); or, for one brief, "
                              "FILE.pdf, or - for standard output"
                            : "folder for the PDFs and manifest.json (created if missing)");
    add("jobs,j", po::value(&job->jobs)->default_value(DefaultJobs())->value_name("N"),
        "render N briefs at once (default: one per CPU core)");
    add("author", po::value(&job->author)->value_name("NAME"),
        "who prepared the briefs: the PDFs' Author and the footer's credit, instead of each "
        "brief's prepared_by");
  }
  if (command == "mail") {
    add("from", po::value(&job->mail_from)->value_name("ADDR"), "the sender, \"Name <a@b.example>\" or a@b.example");
    add("to", po::value(&job->mail_to)->composing()->value_name("ADDR"), "a recipient (repeat for more)");
    add("cc", po::value(&job->mail_cc)->composing()->value_name("ADDR"), "a copy recipient");
    add("bcc", po::value(&job->mail_bcc)->composing()->value_name("ADDR"), "a blind copy recipient (never in the headers)");
    add("recipients", po::value(&job->recipients_file)->value_name("FILE"),
        "per-brief to, cc and bcc from a YAML file (docs/mail.md)");
    add("subject", po::value(&job->mail_subject)->value_name("TEXT"),
        "the subject, with {name} and {as_of} (default: Company brief: {name} (as of {as_of}))");
    add("eml", po::value(&job->eml_dir)->value_name("DIR"), "write DIR/NAME.eml drafts; send nothing");
    add("smtp", po::value(&job->smtp_url)->value_name("URL"),
        "send through smtp://HOST:PORT (STARTTLS required) or smtps://HOST:PORT; user and password "
        "from BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD, or ~/.netrc");
    add("dry-run", po::bool_switch(&job->dry_run), "say what would be sent, per brief; send nothing");
    add("insecure", po::bool_switch(&job->insecure), "allow plain-text SMTP to a server on this machine");
    add("cacert", po::value(&job->ca_file)->value_name("FILE"), "trust the certificates in FILE for SMTP TLS");
    add("resend", po::bool_switch(&job->resend), "send even briefs the sent log says were sent");
    add("retries", po::value(&job->retries)->default_value(3)->value_name("N"),
        "tries after a temporary SMTP failure (4xx, a dropped connection)");
    add("timeout", po::value(&job->smtp_timeout)->default_value(30)->value_name("SECONDS"),
        "wait at most this long for each reply of the SMTP server");
    add("max-size", po::value(&job->max_size_mb)->default_value(10)->value_name("MB"),
        "warn about a message larger than this");
  }
  if (command == "render") {
    add("force", po::bool_switch(&job->force), "render every brief, even those that are up to date");
    add("prune", po::bool_switch(&job->prune),
        "remove PDFs this tool wrote in DIR whose brief is no longer among the inputs");
    add("shard", po::value(&raw->shard)->value_name("K/N|auto|auto/N"),
        "render only shard K of N (by a hash of each output's path); auto reads GitLab, Slurm or "
        "Kubernetes variables");
  }
  return desc;
}

}  // namespace

std::vector<OptionInfo> OptionTable(const std::string& command) {
  Job job;
  Raw raw;
  po::options_description desc = CommandOptions(command, &job, &raw);
  std::vector<OptionInfo> out;
  for (const auto& option : desc.options()) {
    OptionInfo info;
    info.long_name = option->long_name();
    std::string shortest = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (shortest.size() == 2 && shortest[0] == '-') info.short_name = shortest.substr(1);
    std::string parameter = option->format_parameter();
    info.takes_value = !parameter.empty();
    if (info.takes_value) {
      // "arg (=text)" or "TEMPLATE (=classic)": the name before any default.
      info.value_name = parameter.substr(0, parameter.find(" (="));
      size_t eq = parameter.find(" (=");
      if (eq != std::string::npos) info.default_value = parameter.substr(eq + 3, parameter.size() - eq - 4);
    }
    info.description = option->description();
    out.push_back(std::move(info));
  }
  return out;
}

const char* BriefVersion() { return "0.1.0"; }

bool UseColor(ColorMode mode, bool terminal, const EnvLookup& env) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  auto set = [&](const char* name) {
    const char* v = env(name);
    return v && *v;
  };
  if (set("NO_COLOR")) return false;
  if (set("CLICOLOR_FORCE") && std::string(env("CLICOLOR_FORCE")) != "0") return true;
  return terminal && !set("CI");
}

CommandLine ParseCommandLine(const std::vector<std::string>& args, const EnvLookup& env,
                             const std::string& exe) {
  if (args.empty()) return UsageError("no command given\n\n" + Usage());
  const std::string& command = args[0];
  if (command == "help" && args.size() > 1) {
    if (FindCommand(args[1])) return ParseCommandLine({args[1], "--help"}, env, exe);  // = brief render --help
    if (args[1] != "completion") return ParseCommandLine({args[1]}, env, exe);  // An unknown command's error.
  }
  if (command == "-h" || command == "--help" || command == "help") return Print(Usage());
  if (command == "--version" || command == "-V") {
    return Print(fmt::format("brief {}\n", BriefVersion()));
  }
  if (command == "--man") return Print(ManPage());  // Built into brief.1 at build time.
  if (command == "completion") {
    std::string error;
    std::string script = args.size() == 2 ? CompletionScript(args[1], &error) : "";
    if (script.empty()) {
      return UsageError(error.empty() ? "completion: give one shell: bash, zsh or fish" : "completion: " + error);
    }
    return Print(script);
  }
  if (!FindCommand(command)) {
    std::vector<std::string> names;
    std::string list;
    for (const Command& c : Commands()) {
      names.push_back(c.name);
      list += (list.empty() ? "" : ", ") + std::string(c.name);
    }
    names.push_back("completion");
    list += ", completion";
    if (command.rfind("-", 0) == 0) names = {"--help", "--version"};
    std::string guess = NearestMatch(command, names);
    return UsageError(fmt::format("unknown command '{}'{}; commands: {}", command,
                                  guess.empty() ? "" : " (did you mean '" + guess + "'?)", list));
  }

  CommandLine result;
  Job& job = result.job;
  job.command = command;
  Raw raw;
  po::options_description desc = CommandOptions(command, &job, &raw);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&job.inputs));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    std::vector<std::string> rest(args.begin() + 1, args.end());
    // No abbreviations: "--pru" for --prune would silently change meaning
    // the day another option starts the same way.
    int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(rest).options(all).positional(positional).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::vector<std::string> names;
    for (const auto& option : desc.options()) names.push_back("--" + option->long_name());
    std::string given = e.get_option_name();
    std::string guess = NearestMatch(given.substr(0, given.find('=')), names);
    return UsageError(fmt::format("{}: unknown option '{}'{}; see 'brief {} --help'", command, given,
                                  guess.empty() ? "" : " (did you mean '" + guess + "'?)", command));
  } catch (const po::error& e) {
    return UsageError(fmt::format("{}: {}; see 'brief {} --help'", command, e.what(), command));
  }
  std::string usage_line = command == "manifest"    ? "usage: brief manifest merge [-o FILE] MANIFEST...\n\n"
                           : command == "templates" ? "usage: brief templates [--resources DIR]\n\n"
                           : command == "init"      ? "usage: brief init [-q] NAME\n\n"
                           : command == "schema"    ? "usage: brief schema > brief.schema.json\n\n"
                                                    : fmt::format("usage: brief {} [options] PATH...\n\n", command);
  if (vm.count("help")) {
    std::ostringstream text;
    text << usage_line << desc;
    return Print(text.str());
  }
  job.resources = ResourceSearchPath(raw.resources, env, exe);
  if (!raw.no_cache) job.cache_dir = CacheDirectory(env);
  if (vm.count("resources") && raw.resources.empty()) return UsageError(command + ": --resources needs a folder");
  job.exe = exe;
  if (command == "templates" || command == "schema") {
    if (!job.inputs.empty()) return UsageError(command + ": takes no PATH");
    return result;
  }
  if (command == "init") {
    if (job.inputs.size() != 1) return UsageError("init: give one NAME, as in 'brief init acme'");
    if (job.inputs[0] == "-") return UsageError("init: NAME is a file to write, not '-'");
    return result;
  }
  if ((command == "watch" || command == "mail") &&
      std::find(job.inputs.begin(), job.inputs.end(), "-") != job.inputs.end()) {
    return UsageError(command + ": '-' (standard input) cannot be " + (command == "watch" ? "watched" : "mailed") +
                      "; give brief files or folders");
  }
  if (command == "watch" && job.output_dir == "-") {
    return UsageError("watch: -o - would write a PDF to standard output on every change; give a folder or FILE.pdf");
  }
  if (vm.count("author")) {
    // The rule of prepared_by, which it replaces: one line of text, at most
    // 80 characters, valid UTF-8.
    std::string name = TrimUnicode(job.author);
    if (name.empty()) return UsageError(command + ": --author needs a name, as in --author 'Research desk'");
    if (FindInvalidUtf8(name) != std::string::npos) return UsageError(command + ": --author is not valid UTF-8 text");
    if (std::any_of(name.begin(), name.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; })) {
      return UsageError(command + ": --author must be one line of text, without control characters");
    }
    if (CountCodePoints(name) > 80) {
      return UsageError(fmt::format("{}: --author is {} characters long; the limit is 80", command, CountCodePoints(name)));
    }
    job.author = name;
  }
  if (command == "watch" && (job.debounce_ms < 0 || job.debounce_ms > 60000)) {
    return UsageError("watch: --debounce must be from 0 to 60000 milliseconds");
  }
  if (command == "manifest") {
    if (job.inputs.empty()) return UsageError("manifest: no subcommand; try 'brief manifest merge FILE...'");
    job.subcommand = job.inputs[0];
    job.inputs.erase(job.inputs.begin());
    if (job.subcommand != "merge") {
      std::string guess = NearestMatch(job.subcommand, {"merge"});
      return UsageError(fmt::format("manifest: unknown subcommand '{}'{}; subcommands: merge", job.subcommand,
                                    guess.empty() ? "" : " (did you mean 'merge'?)"));
    }
    if (job.inputs.empty()) {
      return UsageError("manifest merge: no MANIFEST given; see 'brief manifest --help'");
    }
    return result;
  }
  if (command == "mail") {
    int targets = (vm.count("eml") ? 1 : 0) + (vm.count("smtp") ? 1 : 0) + (job.dry_run ? 1 : 0);
    if (targets != 1) {
      return UsageError("mail: give one of --eml DIR, --smtp URL or --dry-run");
    }
    if (job.mail_from.empty()) return UsageError("mail: --from ADDR is required");
    if (job.mail_to.empty() && job.recipients_file.empty()) {
      return UsageError("mail: give at least one --to ADDR, or --recipients FILE");
    }
    if (job.retries < 0 || job.retries > 10) return UsageError("mail: --retries must be from 0 to 10");
    if (job.smtp_timeout < 1 || job.smtp_timeout > 3600) {
      return UsageError("mail: --timeout must be from 1 to 3600 seconds");
    }
    if (!(job.max_size_mb > 0 && job.max_size_mb < 1e6)) {
      return UsageError("mail: --max-size must be a number of megabytes above 0");
    }
    if (vm.count("smtp") && job.smtp_url.empty()) return UsageError("mail: --smtp needs a URL");
    if (vm.count("eml") && job.eml_dir.empty()) return UsageError("mail: --eml needs a folder");
  }
  if (command == "mail" && (raw.format == "json" || raw.format == "github")) {
    return UsageError(fmt::format("mail: --format must be text or short, not '{}'", raw.format));
  }
  if (raw.format == "json") {
    job.format = OutputFormat::kJson;
  } else if (raw.format == "short") {
    job.format = OutputFormat::kShort;
  } else if (raw.format == "github") {
    job.format = OutputFormat::kGithub;
  } else if (raw.format != "text") {
    std::string guess = NearestMatch(raw.format, {"text", "short", "json", "github"});
    return UsageError(fmt::format("{}: --format must be text, short, json or github, not '{}'{}", command,
                                  raw.format, guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
  }
  if (raw.color == "always") {
    job.color_mode = ColorMode::kAlways;
  } else if (raw.color == "never") {
    job.color_mode = ColorMode::kNever;
  } else if (raw.color != "auto" && !raw.color.empty()) {
    std::string guess = NearestMatch(raw.color, {"auto", "always", "never"});
    return UsageError(fmt::format("{}: --color must be auto, always or never, not '{}'{}", command, raw.color,
                                  guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
  }
  if (job.jobs < 1 || job.jobs > 256) {
    return UsageError(fmt::format("{}: --jobs must be from 1 to 256, not {}", command, job.jobs));
  }
  if (!raw.shard.empty()) {
    std::string error;
    if (!ParseShard(raw.shard, env, &job.shard, &error)) {
      return UsageError(fmt::format("{}: {}", command, error));
    }
  }
  if (vm.count("junit") && job.junit_file.empty()) {
    return UsageError(fmt::format("{}: --junit needs a FILE", command));
  }
  if (job.inputs.empty()) {
    return UsageError(fmt::format("{}: no PATH given; see 'brief {} --help'", command, command));
  }
  return result;
}

}  // namespace brief
