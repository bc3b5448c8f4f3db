// brief init NAME: a commented skeleton brief that validates, to fill in.
#include <ctime>
#include <ostream>

#include <fmt/format.h>

#include <unicode/uchar.h>

#include "app/commands.h"
#include "base/utf8.h"
#include "output/atomic_write.h"

namespace brief {

namespace {

// The installed JSON Schema (share/brief/brief.schema.json, or the build
// folder's), for the editor line; "" when there is none.
std::string SchemaPath(const Job& job, const FileSystem& fs) {
  std::vector<std::string> places;
  for (const ResourceDir& d : job.resources) places.push_back(JoinPath(d.path, "brief.schema.json"));
  if (!job.exe.empty()) places.push_back(JoinPath(DirName(job.exe), "brief.schema.json"));
  for (const std::string& p : places) {
    if (fs.Kind(p) == PathKind::kFile) return fs.Canonical(p);
  }
  return "";
}

}  // namespace

int RunInitCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  std::string name = job.inputs.front();
  std::string file = name.ends_with(".yaml") || name.ends_with(".yml") ? name : name + ".yaml";
  std::string stem = FileStem(file);
  if (stem.empty() || name.empty() || name.back() == '/') {
    err << "brief: error: init: give a name, as in 'brief init acme'\n";
    return kExitUsage;
  }
  if (fs.Kind(file) != PathKind::kMissing) {
    err << fmt::format("brief: error: init: {} already exists; nothing was written (choose another name, or "
                       "remove it first)\n", file);
    return kExitInvalid;
  }
  // The company's name from the file's: "acme-tools" → "Acme tools",
  // capitalised in any script, at most the 80 characters a name may have,
  // written as a double-quoted YAML string whatever it holds.
  std::vector<int> cps = ToCodePoints(stem);
  std::string company;
  for (size_t i = 0; i < cps.size() && i < 80; ++i) {
    int cp = cps[i] == '-' || cps[i] == '_' ? ' ' : cps[i];
    AppendUtf8(i == 0 ? u_toupper(cp) : cp, &company);
  }
  std::string quoted = "\"";
  for (char c : TrimUnicode(company)) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += "\"";
  if (quoted == "\"\"") quoted = "\"Company\"";
  // "brief render 'my company.yaml'": the next command, ready to paste.
  std::string shell = file;
  if (file.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+") != std::string::npos ||
      file[0] == '-') {
    shell = "'";
    for (char c : file) shell += c == '\'' ? std::string("'\\''") : std::string(1, c);
    shell += "'";
    if (file[0] == '-') shell = "./" + shell;
  }
  std::time_t now = job.source_date_epoch >= 0 ? static_cast<std::time_t>(job.source_date_epoch) : std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  int year = utc.tm_year + 1900, month = utc.tm_mon + 1;
  std::string schema = SchemaPath(job, fs);
  std::string text;
  if (!schema.empty()) text += "# yaml-language-server: $schema=" + schema + "\n";
  text += fmt::format(R"(# A company brief. Fill in the values below, then:
#   brief validate {0}    checks it (every mistake, with its line and a fix)
#   brief render {0}      writes the one-page PDF
# The format in full: docs/brief-format.md (installed under share/doc/brief).
brief: 1                     # the format version
as_of: {1:04d}-{2:02d}                # the date the facts are current as of: YYYY, YYYY-MM or YYYY-MM-DD

company:
  # The name as the company writes it (up to 80 characters), and the rest:
  name: {3}
  # native_name: ...         # the name in its own script, if it differs
  headquarters: City, Country
  founded: {1}                # a year, not after as_of
  industry: Industry
  # ownership: Private
  # employees: 1200          # head count
  # website: https://example.com
  # logo: logo.png           # PNG or JPEG, beside this file
  # people:
  #   - name: First Last
  #     role: Chief executive
  summary: >-
    One paragraph on what the company does, where, and why it matters.

history:                     # at least one event, oldest first
  - date: {1}
    event: Founded

# rankings:
#   - year: {1}
#     list: Name of the ranking
#     rank: 1
# revenue:
#   - year: {1}
#     amount: 1.5e9          # in units of the currency: 1.5e9 is 1.5 billion
#     currency: EUR          # an ISO 4217 code
# volumes:
#   - year: {1}
#     produced: 120000       # units made
#     delivered: 118000      # units sold
# disruptions:
#   - date: {1}-{2:02d}
#     title: What happened
#     summary: What happened and what followed.
#     status: ongoing        # ongoing, partial or resolved
# ev_roadmap:
#   milestones:
#     - date: {4}
#       milestone: First electric model
#       status: planned      # planned, in_progress, done, delayed or cancelled
# partnerships:
#   - partner: Partner name
#     kind: supply           # contract_assembly, licensing, joint_venture, supply, technology, distribution,
#                            # shareholder, investor, other
#     since: {1}

sources:                     # at least one: where the facts come from
  - name: Where the facts come from
    # url: https://example.com/report
)",
                      shell, year, month, quoted, year + 1);
  std::string error;
  if (!WriteFileAtomically(file, text, &error)) {
    err << "brief: error: init: " << error << "\n";
    return kExitInvalid;
  }
  if (!job.quiet) out << fmt::format("wrote {}; fill it in, then: brief render {}\n", file, shell);
  return kExitOk;
}

}  // namespace brief
