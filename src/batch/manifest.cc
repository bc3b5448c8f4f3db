#include "batch/manifest.h"

#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/sha256.h"

namespace brief {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormatName = "brief-manifest";

Json ConfigJson(const Manifest& m) {
  Json config;
  config["program"] = m.program;
  config["template"] = Json{{"name", m.template_name}, {"file", m.template_file},
                            {"sha256", m.template_sha256}};
  config["options"] = Json{{"strict", m.strict},
                           {"source_date_epoch", m.source_date_epoch < 0
                                                     ? Json(nullptr)
                                                     : Json(m.source_date_epoch)}};
  // Only when given, so the configs (and hashes) of runs without it stay as they were.
  if (!m.author.empty()) config["options"]["author"] = m.author;
  config["fonts"] = m.fonts;
  return config;
}

// Reads a JSON value into a C++ value, naming the field when it has the
// wrong type.
template <typename T>
bool Get(const Json& object, const char* key, T* out, std::string* error, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) {
    *error = where + ": '" + key + "' is missing";
    return false;
  }
  try {
    *out = it->template get<T>();
  } catch (const Json::exception&) {
    *error = where + ": '" + key + "' has the wrong type";
    return false;
  }
  return true;
}

// A string or null ("") member.
bool GetNullable(const Json& object, const char* key, std::string* out, std::string* error,
                 const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out->clear();
    return true;
  }
  return Get(object, key, out, error, where);
}

// A list of diagnostics in `object`.
bool GetDiagnostics(const Json& object, std::vector<Diagnostic>* out, std::string* error,
                    const std::string& where) {
  const Json& diags = object.value("diagnostics", Json::array());
  std::string at = where + ".diagnostics";
  if (!diags.is_array()) {
    *error = at + " is not a list";
    return false;
  }
  for (const Json& d : diags) {
    Diagnostic diag;
    std::string severity;
    if (!d.is_object() || !Get(d, "severity", &severity, error, at) ||
        !Get(d, "file", &diag.file, error, at) || !Get(d, "line", &diag.line, error, at) ||
        !Get(d, "column", &diag.column, error, at) || !Get(d, "path", &diag.path, error, at) ||
        !Get(d, "message", &diag.message, error, at) || !Get(d, "hint", &diag.hint, error, at)) {
      if (error->empty()) *error = at + ": a diagnostic is not an object";
      return false;
    }
    diag.severity = severity == "warning" ? Severity::kWarning : Severity::kError;
    out->push_back(std::move(diag));
  }
  return true;
}

std::optional<BriefStatus> StatusFromName(const std::string& name) {
  for (BriefStatus s : {BriefStatus::kRendered, BriefStatus::kUpToDate, BriefStatus::kFailed,
                        BriefStatus::kNotStarted}) {
    if (name == StatusName(s)) return s;
  }
  return std::nullopt;
}

// Writes JSON laid out as `json.dump(2)` lays it out, straight to text:
// a manifest of ten thousand briefs is never held as a document tree.
class JsonWriter {
 public:
  explicit JsonWriter(size_t expected) { out_.reserve(expected); }
  // Opens an object or array, as a value or (after Key) a member.
  void Open(char bracket) {
    Separate();
    out_.push_back(bracket);
    open_.push_back({bracket, true});
  }
  void Close() {
    char bracket = open_.back().bracket;
    bool empty = open_.back().empty;
    open_.pop_back();
    if (!empty) Newline();
    out_.push_back(bracket == '{' ? '}' : ']');
  }
  void Key(const char* key) {
    Separate();
    out_ += fmt::format("\"{}\": ", key);
    after_key_ = true;
  }
  // A scalar written as is ("null", a number, a quoted string).
  void Raw(const std::string& value) {
    Separate();
    out_ += value;
  }
  void String(const std::string& value) { Raw(JsonQuote(value)); }
  template <typename T>
  void Member(const char* key, const T& value) {
    Key(key);
    if constexpr (std::is_same_v<T, std::string>) {
      String(value);
    } else if constexpr (std::is_same_v<T, bool>) {
      Raw(value ? "true" : "false");
    } else {
      Raw(fmt::format("{}", value));
    }
  }
  std::string Take() {
    out_.push_back('\n');
    return std::move(out_);
  }

 private:
  struct Level {
    char bracket;
    bool empty;
  };
  void Newline() {
    out_.push_back('\n');
    out_.append(2 * open_.size(), ' ');
  }
  // Before a value or key: a comma after the previous item, a new line.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (!open_.back().empty) out_.push_back(',');
    open_.back().empty = false;
    Newline();
  }
  std::string out_;
  std::vector<Level> open_;
  bool after_key_ = false;
};

void WriteStrings(JsonWriter* w, const char* key, const std::vector<std::string>& values) {
  w->Key(key);
  w->Open('[');
  for (const std::string& v : values) w->String(v);
  w->Close();
}

void WriteDiagnostics(JsonWriter* w, const std::vector<Diagnostic>& diagnostics) {
  w->Key("diagnostics");
  w->Open('[');
  for (const Diagnostic& d : diagnostics) {
    w->Open('{');
    w->Member("severity", std::string(d.severity == Severity::kError ? "error" : "warning"));
    w->Member("file", d.file);
    w->Member("line", d.line);
    w->Member("column", d.column);
    w->Member("path", d.path);
    w->Member("message", d.message);
    w->Member("hint", d.hint);
    w->Close();
  }
  w->Close();
}

}  // namespace

const char* StatusName(BriefStatus status) {
  switch (status) {
    case BriefStatus::kRendered:
      return "rendered";
    case BriefStatus::kUpToDate:
      return "up-to-date";
    case BriefStatus::kFailed:
      return "failed";
    case BriefStatus::kNotStarted:
      return "not-started";
  }
  return "failed";
}

int Manifest::Count(BriefStatus status) const {
  return static_cast<int>(std::count_if(briefs.begin(), briefs.end(),
                                        [&](const ManifestEntry& e) { return e.status == status; }));
}

std::string ConfigSha256(const Manifest& m) {
  // The template's path and the name it was given by are left out: the
  // same template checked out in another folder (another CI machine), or
  // named by path instead of by name, renders the same PDFs.
  Json config = ConfigJson(m);
  config["template"].erase("file");
  config["template"].erase("name");
  return Sha256Hex(config.dump());
}

std::string ManifestJson(const Manifest& m) {
  // Room for the whole text at once (a brief's entry is about 900 bytes),
  // so that ten thousand briefs do not need the string doubled and copied.
  size_t expected = 4096 + 1200 * (m.briefs.size() + m.orphans.size() +
                                   (m.shard ? m.shard->outputs.size() / 8 : 0));
  for (const ManifestEntry& e : m.briefs) {
    for (const Diagnostic& d : e.diagnostics) expected += d.message.size() + d.hint.size() + d.file.size();
  }
  JsonWriter w(expected);
  w.Open('{');
  w.Member("format", std::string(kFormatName));
  w.Member("version", m.version);
  w.Member("program", m.program);
  w.Key("template");
  w.Open('{');
  w.Member("name", m.template_name);
  w.Member("file", m.template_file);
  w.Member("sha256", m.template_sha256);
  w.Close();
  w.Key("options");
  w.Open('{');
  w.Member("strict", m.strict);
  w.Key("source_date_epoch");
  w.Raw(m.source_date_epoch < 0 ? "null" : std::to_string(m.source_date_epoch));
  if (!m.author.empty()) w.Member("author", m.author);
  w.Close();
  WriteStrings(&w, "fonts", m.fonts);
  w.Member("config_sha256", m.config_sha256);
  w.Key("shard");
  if (m.shard) {
    w.Open('{');
    w.Member("index", m.shard->index);
    w.Member("count", m.shard->count);
    WriteStrings(&w, "outputs", m.shard->outputs);
    w.Close();
  } else {
    w.Raw("null");
  }
  w.Member("merged", m.merged);
  w.Key("summary");
  w.Open('{');
  w.Member("rendered", m.Count(BriefStatus::kRendered));
  w.Member("up_to_date", m.Count(BriefStatus::kUpToDate));
  w.Member("failed", m.Count(BriefStatus::kFailed) + static_cast<int>(m.problems.size()));
  w.Member("not_started", m.Count(BriefStatus::kNotStarted));
  w.Member("orphans", m.orphans.size());
  w.Close();
  std::vector<const ManifestEntry*> entries;
  for (const ManifestEntry& e : m.briefs) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return a->output < b->output; });
  w.Key("briefs");
  w.Open('[');
  for (const ManifestEntry* e : entries) {
    bool none = e->sha256.empty();
    w.Open('{');
    w.Member("output", e->output);
    w.Member("input", e->input);
    w.Member("status", std::string(StatusName(e->status)));
    w.Key("sha256");
    w.Raw(none ? "null" : JsonQuote(e->sha256));
    w.Key("bytes");
    w.Raw(none ? "null" : std::to_string(e->bytes));
    w.Key("stale_sha256");
    w.Raw(e->stale_sha256.empty() ? "null" : JsonQuote(e->stale_sha256));
    w.Member("config_sha256", e->config_sha256);
    w.Member("template", e->template_name);
    w.Member("program", e->program);
    w.Key("dependencies");
    w.Open('[');
    for (const Dependency& d : e->dependencies) {
      w.Open('{');
      w.Member("file", d.file);
      w.Member("sha256", d.sha256);
      w.Close();
    }
    w.Close();
    WriteDiagnostics(&w, e->diagnostics);
    w.Close();
  }
  w.Close();
  w.Key("problems");
  w.Open('[');
  for (const InputProblem& p : m.problems) {
    w.Open('{');
    w.Member("input", p.input);
    WriteDiagnostics(&w, p.diagnostics);
    w.Close();
  }
  w.Close();
  std::vector<Orphan> orphans = m.orphans;
  std::sort(orphans.begin(), orphans.end(), [](auto& a, auto& b) { return a.output < b.output; });
  w.Key("orphans");
  w.Open('[');
  for (const Orphan& o : orphans) {
    w.Open('{');
    w.Member("output", o.output);
    w.Member("sha256", o.sha256);
    w.Member("input", o.input);
    w.Close();
  }
  w.Close();
  w.Close();
  return w.Take();
}

bool ParseManifest(const std::string& text, Manifest* m, std::string* error) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    *error = std::string("not valid JSON: ") + e.what();
    return false;
  }
  std::string format;
  if (!root.is_object() || !root.contains("format") || !root["format"].is_string() ||
      root["format"].get<std::string>() != kFormatName) {
    *error = "not a brief manifest (no \"format\": \"brief-manifest\")";
    return false;
  }
  if (!Get(root, "version", &m->version, error, "manifest")) return false;
  if (m->version != 1) {
    *error = "manifest version " + std::to_string(m->version) + " is not one this program reads (1)";
    return false;
  }
  if (!Get(root, "program", &m->program, error, "manifest") ||
      !Get(root, "config_sha256", &m->config_sha256, error, "manifest") ||
      !Get(root, "fonts", &m->fonts, error, "manifest")) {
    return false;
  }
  const Json& tmpl = root.value("template", Json::object());
  if (!tmpl.is_object() || !Get(tmpl, "name", &m->template_name, error, "template") ||
      !Get(tmpl, "file", &m->template_file, error, "template") ||
      !Get(tmpl, "sha256", &m->template_sha256, error, "template")) {
    if (error->empty()) *error = "'template' is not an object";
    return false;
  }
  const Json& options = root.value("options", Json::object());
  if (!options.is_object() || !Get(options, "strict", &m->strict, error, "options")) return false;
  if (options.contains("source_date_epoch") && !options["source_date_epoch"].is_null()) {
    if (!Get(options, "source_date_epoch", &m->source_date_epoch, error, "options")) return false;
  }
  if (options.contains("author") && !Get(options, "author", &m->author, error, "options")) return false;
  if (root.contains("shard") && !root["shard"].is_null()) {
    ShardRecord shard;
    const Json& s = root["shard"];
    if (!s.is_object() || !Get(s, "index", &shard.index, error, "shard") ||
        !Get(s, "count", &shard.count, error, "shard") ||
        !Get(s, "outputs", &shard.outputs, error, "shard")) {
      if (error->empty()) *error = "'shard' is not an object";
      return false;
    }
    m->shard = shard;
  }
  if (root.contains("merged") && !Get(root, "merged", &m->merged, error, "manifest")) return false;
  if (!root.contains("briefs") || !root["briefs"].is_array()) {
    *error = "'briefs' is missing or not a list";
    return false;
  }
  size_t i = 0;
  for (const Json& b : root["briefs"]) {
    std::string where = "briefs[" + std::to_string(i++) + "]";
    if (!b.is_object()) {
      *error = where + " is not an object";
      return false;
    }
    ManifestEntry e;
    std::string status;
    if (!Get(b, "output", &e.output, error, where) || !Get(b, "input", &e.input, error, where) ||
        !Get(b, "status", &status, error, where) ||
        !Get(b, "template", &e.template_name, error, where) ||
        !Get(b, "program", &e.program, error, where)) {
      return false;
    }
    std::optional<BriefStatus> s = StatusFromName(status);
    if (!s) {
      *error = where + ": unknown status '" + status + "'";
      return false;
    }
    e.status = *s;
    if (!GetNullable(b, "sha256", &e.sha256, error, where) ||
        !GetNullable(b, "stale_sha256", &e.stale_sha256, error, where) ||
        !GetNullable(b, "config_sha256", &e.config_sha256, error, where)) {
      return false;
    }
    if (!e.sha256.empty() && !Get(b, "bytes", &e.bytes, error, where)) return false;
    const Json& deps = b.value("dependencies", Json::array());
    if (!deps.is_array()) {
      *error = where + ": 'dependencies' is not a list";
      return false;
    }
    for (const Json& d : deps) {
      Dependency dep;
      if (!d.is_object() || !Get(d, "file", &dep.file, error, where + ".dependencies") ||
          !Get(d, "sha256", &dep.sha256, error, where + ".dependencies")) {
        if (error->empty()) *error = where + ": a dependency is not an object";
        return false;
      }
      e.dependencies.push_back(std::move(dep));
    }
    if (!GetDiagnostics(b, &e.diagnostics, error, where)) return false;
    m->briefs.push_back(std::move(e));
  }
  const Json& problems = root.value("problems", Json::array());
  if (!problems.is_array()) {
    *error = "'problems' is not a list";
    return false;
  }
  i = 0;
  for (const Json& p : problems) {
    std::string where = "problems[" + std::to_string(i++) + "]";
    InputProblem problem;
    if (!p.is_object() || !Get(p, "input", &problem.input, error, where) ||
        !GetDiagnostics(p, &problem.diagnostics, error, where)) {
      if (error->empty()) *error = where + " is not an object";
      return false;
    }
    m->problems.push_back(std::move(problem));
  }
  if (root.contains("orphans")) {
    if (!root["orphans"].is_array()) {
      *error = "'orphans' is not a list";
      return false;
    }
    for (const Json& o : root["orphans"]) {
      Orphan orphan;
      if (!o.is_object() || !Get(o, "output", &orphan.output, error, "orphans") ||
          !Get(o, "sha256", &orphan.sha256, error, "orphans") ||
          !Get(o, "input", &orphan.input, error, "orphans")) {
        if (error->empty()) *error = "an orphan is not an object";
        return false;
      }
      m->orphans.push_back(std::move(orphan));
    }
  }
  return true;
}

}  // namespace brief
