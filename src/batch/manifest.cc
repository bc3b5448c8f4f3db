#include "batch/manifest.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/sha256.h"

namespace brief {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormatName = "brief-manifest";

Json DiagnosticToJson(const Diagnostic& d) {
  return Json{{"severity", d.severity == Severity::kError ? "error" : "warning"},
              {"file", d.file},
              {"line", d.line},
              {"column", d.column},
              {"path", d.path},
              {"message", d.message},
              {"hint", d.hint}};
}

Json ConfigJson(const Manifest& m) {
  Json config;
  config["program"] = m.program;
  config["template"] = Json{{"name", m.template_name}, {"file", m.template_file},
                            {"sha256", m.template_sha256}};
  config["options"] = Json{{"strict", m.strict},
                           {"source_date_epoch", m.source_date_epoch < 0
                                                     ? Json(nullptr)
                                                     : Json(m.source_date_epoch)}};
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

std::optional<BriefStatus> StatusFromName(const std::string& name) {
  for (BriefStatus s : {BriefStatus::kRendered, BriefStatus::kUpToDate, BriefStatus::kFailed}) {
    if (name == StatusName(s)) return s;
  }
  return std::nullopt;
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
  }
  return "failed";
}

int Manifest::Count(BriefStatus status) const {
  return static_cast<int>(std::count_if(briefs.begin(), briefs.end(),
                                        [&](const ManifestEntry& e) { return e.status == status; }));
}

std::string ConfigSha256(const Manifest& m) {
  // The template's path is left out: the same template checked out in
  // another folder (another CI machine) renders the same PDFs.
  Json config = ConfigJson(m);
  config["template"].erase("file");
  return Sha256Hex(config.dump());
}

std::string ManifestJson(const Manifest& m) {
  Json root;
  root["format"] = kFormatName;
  root["version"] = m.version;
  Json config = ConfigJson(m);
  for (auto& [key, value] : config.items()) root[key] = value;
  root["config_sha256"] = m.config_sha256;
  if (m.shard) {
    root["shard"] = Json{{"index", m.shard->index}, {"count", m.shard->count},
                         {"outputs", m.shard->outputs}};
  } else {
    root["shard"] = nullptr;
  }
  root["summary"] = Json{{"rendered", m.Count(BriefStatus::kRendered)},
                         {"up_to_date", m.Count(BriefStatus::kUpToDate)},
                         {"failed", m.Count(BriefStatus::kFailed)},
                         {"orphans", m.orphans.size()}};
  std::vector<const ManifestEntry*> entries;
  for (const ManifestEntry& e : m.briefs) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return a->output < b->output; });
  Json briefs = Json::array();
  for (const ManifestEntry* e : entries) {
    Json deps = Json::array();
    for (const Dependency& d : e->dependencies) deps.push_back({{"file", d.file}, {"sha256", d.sha256}});
    Json diags = Json::array();
    for (const Diagnostic& d : e->diagnostics) diags.push_back(DiagnosticToJson(d));
    bool failed = e->status == BriefStatus::kFailed;
    briefs.push_back({{"output", e->output},
                      {"input", e->input},
                      {"status", StatusName(e->status)},
                      {"sha256", failed ? Json(nullptr) : Json(e->sha256)},
                      {"bytes", failed ? Json(nullptr) : Json(e->bytes)},
                      {"template", e->template_name},
                      {"program", e->program},
                      {"dependencies", deps},
                      {"diagnostics", diags}});
  }
  root["briefs"] = briefs;
  std::vector<Orphan> orphans = m.orphans;
  std::sort(orphans.begin(), orphans.end(), [](auto& a, auto& b) { return a.output < b.output; });
  Json orphan_list = Json::array();
  for (const Orphan& o : orphans) {
    orphan_list.push_back({{"output", o.output}, {"sha256", o.sha256}, {"input", o.input}});
  }
  root["orphans"] = orphan_list;
  // Non-ASCII stays as written (file names, messages); invalid UTF-8 in a
  // path is replaced rather than making the manifest unwritable.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
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
    if (e.status != BriefStatus::kFailed &&
        (!Get(b, "sha256", &e.sha256, error, where) || !Get(b, "bytes", &e.bytes, error, where))) {
      return false;
    }
    const Json& deps = b.value("dependencies", Json::array());
    const Json& diags = b.value("diagnostics", Json::array());
    if (!deps.is_array() || !diags.is_array()) {
      *error = where + ": 'dependencies' and 'diagnostics' must be lists";
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
    for (const Json& d : diags) {
      Diagnostic diag;
      std::string severity;
      std::string at = where + ".diagnostics";
      if (!d.is_object() || !Get(d, "severity", &severity, error, at) ||
          !Get(d, "file", &diag.file, error, at) || !Get(d, "line", &diag.line, error, at) ||
          !Get(d, "column", &diag.column, error, at) || !Get(d, "path", &diag.path, error, at) ||
          !Get(d, "message", &diag.message, error, at) || !Get(d, "hint", &diag.hint, error, at)) {
        if (error->empty()) *error = at + ": a diagnostic is not an object";
        return false;
      }
      diag.severity = severity == "warning" ? Severity::kWarning : Severity::kError;
      e.diagnostics.push_back(std::move(diag));
    }
    m->briefs.push_back(std::move(e));
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
