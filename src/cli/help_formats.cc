#include "cli/help_formats.h"

#include <vector>

#include <fmt/format.h>

#include "app/commands.h"
#include "base/utf8.h"
#include "cli/options.h"

namespace brief {

namespace {

// Text for roff: backslashes and hyphens escaped, characters beyond ASCII
// as \[uXXXX], a leading '.' or '\'' guarded.
std::string Roff(const std::string& text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    int cp = DecodeUtf8(text, &pos);
    if (cp == '\\') {
      out += "\\e";
    } else if (cp == '-') {
      out += "\\-";
    } else if (cp >= 0x80) {
      out += fmt::format("\\[u{:04X}]", cp);
    } else if (cp >= 0) {
      out.push_back(static_cast<char>(cp));
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

struct Entry {
  std::string name, summary;
};

// The commands with options, as `brief --help` lists them, then completion.
std::vector<Entry> CommandList() {
  std::vector<Entry> list;
  for (const Command& c : Commands()) list.push_back({c.name, c.summary});
  list.push_back({"completion", "print the shell completion script: completion bash|zsh|fish"});
  list.push_back({"help", "help COMMAND: the options of one command"});
  return list;
}

bool HasOptions(const std::string& command) { return command != "completion" && command != "help"; }

// The values an option takes, for completion: a fixed list, a kind of
// path, or template names.
enum class ValueKind { kNone, kWord, kFile, kFolder, kTemplate, kChoice };
ValueKind KindOf(const OptionInfo& o, std::vector<std::string>* choices) {
  if (!o.takes_value) return ValueKind::kNone;
  if (o.long_name == "template") return ValueKind::kTemplate;
  if (o.long_name == "format" || o.long_name == "color") {
    std::string v = o.value_name;
    for (size_t start = 0; start <= v.size();) {
      size_t end = v.find('|', start);
      if (end == std::string::npos) end = v.size();
      choices->push_back(v.substr(start, end - start));
      start = end + 1;
    }
    return ValueKind::kChoice;
  }
  if (o.value_name == "FILE") return ValueKind::kFile;
  if (o.value_name == "DIR") return ValueKind::kFolder;
  return ValueKind::kWord;
}

std::string Join(const std::vector<std::string>& words, const char* separator = " ") {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

std::string Bash() {
  std::string commands, cases, values;
  std::vector<std::string> names;
  for (const Entry& e : CommandList()) names.push_back(e.name);
  for (const Entry& e : CommandList()) {
    if (!HasOptions(e.name)) continue;
    std::vector<std::string> words;
    for (const OptionInfo& o : OptionTable(e.name)) {
      words.push_back("--" + o.long_name);
      if (!o.short_name.empty()) words.push_back("-" + o.short_name);
    }
    cases += fmt::format("    {}) opts=\"{}\" ;;\n", e.name, Join(words));
  }
  // Options whose values complete specially, whatever the command.
  std::vector<std::string> files, folders, templates;
  std::string choices;
  for (const Entry& e : CommandList()) {
    if (!HasOptions(e.name)) continue;
    for (const OptionInfo& o : OptionTable(e.name)) {
      std::vector<std::string> list;
      ValueKind kind = KindOf(o, &list);
      std::string flags = "--" + o.long_name + (o.short_name.empty() ? "" : "|-" + o.short_name);
      if (kind == ValueKind::kChoice && choices.find("--" + o.long_name + ")") == std::string::npos) {
        choices += fmt::format("    --{}) mapfile -t COMPREPLY < <(compgen -W \"{}\" -- \"$cur\"); return ;;\n", o.long_name,
                               Join(list));
      }
      auto add = [&](std::vector<std::string>* to) {
        for (const std::string& f : *to) {
          if (f == flags) return;
        }
        to->push_back(flags);
      };
      // A folder option may name a file as well (render -o FILE.pdf): files and folders.
      if (kind == ValueKind::kFile || kind == ValueKind::kWord || (kind == ValueKind::kFolder && o.long_name == "output")) {
        add(&files);
      } else if (kind == ValueKind::kFolder) {
        add(&folders);
      }
      if (kind == ValueKind::kTemplate) add(&templates);
    }
  }
  return fmt::format(R"SH(# bash completion for brief (made by 'brief completion bash' from its option tables)
_brief() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    mapfile -t COMPREPLY < <(compgen -W "{}" -- "$cur")
    return
  fi
  local cmd="${{COMP_WORDS[1]}}" opts=""
  case "$cmd" in
    help) [[ $COMP_CWORD -eq 2 ]] && mapfile -t COMPREPLY < <(compgen -W "{}" -- "$cur"); return ;;
    completion) [[ $COMP_CWORD -eq 2 ]] && mapfile -t COMPREPLY < <(compgen -W "bash zsh fish" -- "$cur"); return ;;
    manifest) if [[ $COMP_CWORD -eq 2 ]]; then mapfile -t COMPREPLY < <(compgen -W "merge" -- "$cur"); return; fi ;;
  esac
  case "$prev" in
{}    {}) mapfile -t COMPREPLY < <(compgen -W "$("${{COMP_WORDS[0]}}" templates 2>/dev/null | cut -d' ' -f1 | sort -u)" -- "$cur"); return ;;
    {}) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
    {}) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
  esac
  case "$cmd" in
{}  esac
  # One name per line: file names with spaces stay whole.
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.@(yaml|yml|json)' -- "$cur")
  fi
}}
shopt -s extglob 2>/dev/null
complete -o filenames -F _brief brief
)SH",
                     Join(names), Join(names), choices, Join(templates, "|"), Join(folders, "|"),
                     Join(files, "|"), cases);
}

// Text in a zsh _arguments description: no brackets, colons or quotes.
std::string ZshText(std::string text) {
  for (char& c : text) {
    if (c == '[' || c == ']') c = c == '[' ? '(' : ')';
    if (c == '\'') c = '`';
    if (c == ':') c = ',';
  }
  return text;
}

std::string Zsh() {
  std::string described, cases;
  for (const Entry& e : CommandList()) described += fmt::format("    '{}:{}'\n", e.name, ZshText(e.summary));
  for (const Entry& e : CommandList()) {
    if (!HasOptions(e.name)) continue;
    std::string specs;
    for (const OptionInfo& o : OptionTable(e.name)) {
      std::vector<std::string> list;
      ValueKind kind = KindOf(o, &list);
      std::string action;
      switch (kind) {
        case ValueKind::kNone: break;
        case ValueKind::kTemplate: action = ":template:_brief_templates"; break;
        case ValueKind::kChoice: action = ":" + o.value_name + ":(" + Join(list) + ")"; break;
        case ValueKind::kFile: action = ":file:_files"; break;
        case ValueKind::kFolder: action = ":folder:_files -/"; break;
        case ValueKind::kWord: action = ":" + ZshText(o.value_name) + ": "; break;
      }
      std::string desc = ZshText(o.description);
      if (o.short_name.empty()) {
        specs += fmt::format("        '--{}[{}]{}' \\\n", o.long_name, desc, action);
      } else {
        specs += fmt::format("        '(-{0} --{1})'{{-{0},--{1}}}'[{2}]{3}' \\\n", o.short_name, o.long_name, desc,
                             action);
      }
    }
    cases += fmt::format("    {})\n      _arguments -s \\\n{}        '*:brief:_files -g \"*.(yaml|yml|json)\"'\n      ;;\n",
                         e.name, specs);
  }
  return fmt::format(R"SH(#compdef brief
# zsh completion for brief (made by 'brief completion zsh' from its option tables)
_brief_templates() {{
  local -a names
  names=(${{(f)"$(brief templates 2>/dev/null | cut -d' ' -f1 | sort -u)"}})
  compadd -a names
}}
_brief() {{
  local -a commands
  commands=(
{}  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
    help) _describe 'command' commands ;;
    completion) compadd bash zsh fish ;;
{}  esac
}}
_brief "$@"
)SH",
                     described, cases);
}

std::string FishText(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string Fish() {
  std::string out =
      "# fish completion for brief (made by 'brief completion fish' from its option tables)\n"
      "complete -c brief -f\n";
  std::vector<std::string> names;
  for (const Entry& e : CommandList()) names.push_back(e.name);
  for (const Entry& e : CommandList()) {
    out += fmt::format("complete -c brief -n '__fish_use_subcommand' -a {} -d '{}'\n", e.name, FishText(e.summary));
  }
  out += fmt::format("complete -c brief -n '__fish_seen_subcommand_from help' -a '{}'\n", Join(names));
  out += "complete -c brief -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n";
  for (const Entry& e : CommandList()) {
    if (!HasOptions(e.name)) continue;
    std::string when = fmt::format("__fish_seen_subcommand_from {}", e.name);
    out += fmt::format("complete -c brief -n '{}' -F -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml)'\n",
                       when);
    for (const OptionInfo& o : OptionTable(e.name)) {
      std::vector<std::string> list;
      ValueKind kind = KindOf(o, &list);
      std::string line = fmt::format("complete -c brief -n '{}' -l {}", when, o.long_name);
      if (!o.short_name.empty()) line += " -s " + o.short_name;
      if (kind == ValueKind::kTemplate) line += " -x -a '(brief templates 2>/dev/null | string replace -r \" .*\" \"\")'";
      if (kind == ValueKind::kChoice) line += " -x -a '" + Join(list) + "'";
      if (kind == ValueKind::kFile || kind == ValueKind::kFolder) line += " -r -F";
      if (kind == ValueKind::kWord) line += " -x";
      out += line + " -d '" + FishText(o.description.substr(0, o.description.find(';'))) + "'\n";
    }
  }
  return out;
}

}  // namespace

std::string ManPage() {
  std::string m = fmt::format(".TH BRIEF 1 \"\" \"brief {}\" \"User Commands\"\n", BriefVersion());
  m += ".SH NAME\nbrief \\- turn YAML company briefs into designed one\\-page PDF reports\n";
  m += ".SH SYNOPSIS\n.B brief\n.I command\n[\\fIoptions\\fR] \\fIPATH\\fR...\n";
  m += ".SH DESCRIPTION\n"
       "A brief is a YAML file about one company. \\fBbrief validate\\fR checks briefs against the format "
       "and the template (every error at once, with file, line, column and path, the source line and "
       "a fix); \\fBbrief render\\fR lays each one out on one page and writes a PDF. A PATH is a brief "
       "file, a folder of briefs, or \\fB\\-\\fR for a brief on standard input.\n";
  m += ".SH COMMANDS\n";
  for (const Entry& e : CommandList()) m += ".TP\n.B " + e.name + "\n" + Roff(e.summary) + "\n";
  m += ".SH OPTIONS\n";
  for (const Entry& e : CommandList()) {
    if (!HasOptions(e.name)) continue;
    m += ".SS \"brief " + e.name + "\"\n";
    for (const OptionInfo& o : OptionTable(e.name)) {
      m += ".TP\n";
      if (!o.short_name.empty()) m += "\\fB\\-" + o.short_name + "\\fR, ";
      m += "\\fB\\-\\-" + Roff(o.long_name) + "\\fR";
      if (o.takes_value) m += " \\fI" + Roff(o.value_name) + "\\fR";
      m += "\n" + Roff(o.description);
      // A default computed at run time (-j: the CPUs) is described, not given.
      if (!o.default_value.empty() && o.description.find("(default") == std::string::npos) {
        m += " (default: " + Roff(o.default_value) + ")";
      }
      m += "\n";
    }
  }
  m += ".SH FILES\n"
       "Templates (\\fItemplates/NAME.yaml\\fR) and fonts (\\fIfonts/\\fR) are looked for in these folders, "
       "in order; the first that has the template wins:\n"
       ".IP 1. 4\n\\fB\\-\\-resources\\fR \\fIDIR\\fR\n"
       ".IP 2. 4\n\\fB$BRIEF_HOME\\fR\n"
       ".IP 3. 4\n\\fB$XDG_DATA_HOME\\fR/brief (default ~/.local/share/brief): a user's own templates\n"
       ".IP 4. 4\neach of \\fB$XDG_DATA_DIRS\\fR/brief (default /usr/local/share/brief, /usr/share/brief)\n"
       ".IP 5. 4\nthe install prefix's share/brief, relative to the binary (an install can be moved)\n"
       ".IP 6. 4\nthe source tree, when run from a build folder\n"
       ".PP\n\\fBbrief templates\\fR lists every template found, and where.\n";
  m += ".SH ENVIRONMENT\n"
       ".TP\n.B SOURCE_DATE_EPOCH\nseconds since 1970: the PDFs' dates (instead of the brief's as_of), for "
       "reproducible builds\n"
       ".TP\n.B BRIEF_HOME\na resource folder searched first after \\fB\\-\\-resources\\fR (see FILES)\n"
       ".TP\n.B XDG_DATA_HOME\\fR, \\fBXDG_DATA_DIRS\nwhere a user's and the system's templates are (see FILES)\n"
       ".TP\n.B NO_COLOR\nno colour in diagnostics (\\fB\\-\\-color always\\fR overrides it)\n"
       ".TP\n.B CLICOLOR_FORCE\ncolour even when standard error is not a terminal (not \\fB0\\fR)\n"
       ".TP\n.B CI\nno colour and no progress line\n"
       ".TP\n.B BRIEF_SMTP_USER\\fR, \\fBBRIEF_SMTP_PASSWORD\nSMTP login for \\fBbrief mail \\-\\-smtp\\fR\n";
  m += ".SH EXIT STATUS\n"
       ".TP\n.B 0\nevery input valid (warnings allowed); when rendering, every PDF written or up to date\n"
       ".TP\n.B 1\nan input is invalid, unreadable or not rendered\n"
       ".TP\n.B 2\nusage error: an unknown command or option, a missing PATH, an unknown template\n"
       ".TP\n.B 130\\fR, \\fB143\ninterrupted by SIGINT or SIGTERM\n";
  m += ".SH SEE ALSO\nThe brief format and the command line in detail: docs/brief\\-format.md and docs/cli.md "
       "in the source, installed under /usr/share/doc/brief when packaged.\n";
  return m;
}

std::string CompletionScript(const std::string& shell, std::string* error) {
  if (shell == "bash") return Bash();
  if (shell == "zsh") return Zsh();
  if (shell == "fish") return Fish();
  *error = fmt::format("no completion for '{}'; shells: bash, zsh, fish", shell);
  return "";
}

}  // namespace brief
