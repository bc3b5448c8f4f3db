#include "app/job.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <thread>
#include <ostream>

#include <fmt/format.h>

#include "app/brief_renderer.h"
#include "app/inputs.h"
#include "app/isolated.h"
#include "base/edit_distance.h"
#include "output/atomic_write.h"
#include "template/load_template.h"
#include "validate/check_brief.h"

namespace brief {

namespace {

std::string Plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// One JSON line for a checked file.
std::string CheckJson(const BriefCheck& check) {
  return fmt::format(R"({{"file":{},"valid":{},"errors":{},"warnings":{},"diagnostics":{}}})",
                     JsonQuote(check.file), check.brief ? "true" : "false", check.errors(),
                     check.warnings(), DiagnosticsJson(check.diagnostics));
}

// Names of the templates in a folder (file stems of *.yaml), sorted.
std::vector<std::string> TemplateNames(const FileSystem& fs, const std::string& dir) {
  std::vector<std::string> names, out;
  std::string error;
  fs.List(dir, &names, &error);
  for (const std::string& n : names) {
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".yaml") == 0) out.push_back(n.substr(0, n.size() - 5));
  }
  return out;
}

// One rendered (or failed) brief, as a JSON line.
std::string RenderJson(const std::string& file, const std::string& output, bool ok,
                       const std::vector<Diagnostic>& diagnostics) {
  return fmt::format(R"({{"file":{},"output":{},"rendered":{},"diagnostics":{}}})",
                     JsonQuote(file), ok ? JsonQuote(output) : "null", ok ? "true" : "false",
                     DiagnosticsJson(diagnostics));
}

// One brief of a render run: its result, filled in by whichever thread
// renders it.
struct RenderItem {
  std::string file, output;
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
};

// Appends the renderer's findings about a valid brief to the check, with
// the positions of the fields they name, and warnings made errors under
// --strict (the brief is then invalid, as for any other error).
void AddFindings(bool strict, std::vector<Diagnostic> found, BriefCheck* check) {
  check->Locate(&found);
  for (Diagnostic& d : found) {
    if (strict && d.severity == Severity::kWarning) d.severity = Severity::kError;
    if (d.severity == Severity::kError) check->brief.reset();
    check->diagnostics.push_back(std::move(d));
  }
  SortByPosition(&check->diagnostics);
}

// Validates, lays out, renders and writes one brief. Touches only *item and
// thread-safe shared state (the renderer, the filesystem).
void RenderOne(const Job& job, const FileSystem& fs, const BriefRenderer& renderer, RenderItem* item) {
  BriefCheck check = CheckBriefFile(fs, item->file, job.strict);
  if (!check.brief) {
    item->diagnostics = std::move(check.diagnostics);
    return;
  }
  RenderOutcome outcome = renderer.Render(*check.brief, item->file, job.source_date_epoch);
  AddFindings(job.strict, std::move(outcome.diagnostics), &check);
  item->diagnostics = std::move(check.diagnostics);
  if (!outcome.ok || !check.brief) return;
  std::string error;
  item->ok = WriteFileAtomically(item->output, outcome.pdf, &error);
  if (!item->ok) item->diagnostics.push_back({Severity::kError, item->file, 0, 0, "", error, ""});
}

// A RenderItem's outcome as bytes, to come back from a worker process.
std::string Serialize(const RenderItem& item) {
  std::string out(1, item.ok ? '1' : '0');
  auto put = [&](const std::string& s) {
    uint32_t n = static_cast<uint32_t>(s.size());
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out += s;
  };
  for (const Diagnostic& d : item.diagnostics) {
    out.push_back(d.severity == Severity::kError ? 'E' : 'W');
    put(d.file);
    put(std::to_string(d.line));
    put(std::to_string(d.column));
    put(d.path);
    put(d.message);
    put(d.hint);
  }
  return out;
}

// Reads back what Serialize wrote into *item (its ok flag and diagnostics).
void Deserialize(const std::string& bytes, RenderItem* item) {
  size_t pos = 1;
  auto get = [&] {
    uint32_t n = 0;
    std::memcpy(&n, bytes.data() + pos, sizeof n);
    pos += sizeof n;
    std::string s = bytes.substr(pos, n);
    pos += n;
    return s;
  };
  item->ok = !bytes.empty() && bytes[0] == '1';
  item->diagnostics.clear();
  while (pos < bytes.size()) {
    Diagnostic d;
    d.severity = bytes[pos++] == 'E' ? Severity::kError : Severity::kWarning;
    d.file = get();
    d.line = std::stoi(get());
    d.column = std::stoi(get());
    d.path = get();
    d.message = get();
    d.hint = get();
    item->diagnostics.push_back(std::move(d));
  }
}

// Calls work(0) ... work(count - 1) on up to `threads` threads.
void ForEachParallel(size_t count, int threads, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) work(i);
  };
  size_t n = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), count);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// The renderer for the job's template, or nullptr after reporting why to
// `err` (an unknown or invalid template, a missing font: usage errors).
std::unique_ptr<BriefRenderer> PrepareRenderer(const Job& job, const FileSystem& fs,
                                               std::ostream& err) {
  std::string templates_dir = JoinPath(job.resource_dir, "templates");
  std::string template_path = TemplatePath(templates_dir, job.template_name);
  if (fs.Kind(template_path) != PathKind::kFile) {
    std::vector<std::string> names = TemplateNames(fs, templates_dir);
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    std::string guess = NearestMatch(job.template_name, names);
    err << fmt::format("brief: error: no such template '{}'{}; templates: {}\n", job.template_name,
                       guess.empty() ? "" : " (did you mean '" + guess + "'?)",
                       list.empty() ? "none found in " + templates_dir : list);
    return nullptr;
  }
  std::vector<Diagnostic> template_problems;
  std::optional<Template> tmpl = LoadTemplateFile(fs, template_path, &template_problems);
  for (const Diagnostic& d : template_problems) err << FormatDiagnostic(d) << "\n";
  if (!tmpl) return nullptr;
  std::string error;
  std::unique_ptr<BriefRenderer> renderer =
      BriefRenderer::Create(*tmpl, JoinPath(job.resource_dir, "fonts"), &error);
  if (!renderer) err << "brief: error: template '" << template_path << "': " << error << "\n";
  return renderer;
}

int RunValidate(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  // Validation promises what rendering does: the template's fonts must
  // draw every character (the same warnings, the same --strict).
  std::unique_ptr<BriefRenderer> renderer = PrepareRenderer(job, fs, err);
  if (!renderer) return kExitUsage;
  std::vector<Diagnostic> problems;
  std::vector<std::string> files = ExpandInputs(fs, job.inputs, &problems);
  int invalid = 0, errors = 0, warnings = 0;
  auto report = [&](const BriefCheck& check) {
    if (!check.brief) ++invalid;
    errors += check.errors();
    warnings += check.warnings();
    if (job.format == OutputFormat::kJson) {
      out << CheckJson(check) << "\n";
    } else {
      for (const Diagnostic& d : check.diagnostics) err << FormatDiagnostic(d) << "\n";
    }
  };
  // A path that gave no brief to check is reported like an invalid brief.
  for (const Diagnostic& d : problems) report({d.file, std::nullopt, {d}, {}});
  for (const std::string& file : files) {
    BriefCheck check = CheckBriefFile(fs, file, job.strict);
    if (check.brief) AddFindings(job.strict, renderer->Check(*check.brief, file), &check);
    report(check);
  }
  int total = static_cast<int>(files.size() + problems.size());
  if (!job.quiet && job.format == OutputFormat::kText) {
    err << fmt::format("{} checked: {} valid, {} invalid ({}, {})\n", Plural(total, "brief"),
                       total - invalid, invalid, Plural(errors, "error"),
                       Plural(warnings, "warning"));
  }
  return invalid ? kExitInvalid : kExitOk;
}

int RunRender(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  std::unique_ptr<BriefRenderer> renderer = PrepareRenderer(job, fs, err);
  if (!renderer) return kExitUsage;
  std::string error;

  std::vector<Diagnostic> problems;
  std::vector<std::string> files = ExpandInputs(fs, job.inputs, &problems);
  int failed = static_cast<int>(problems.size()), rendered = 0;
  for (const Diagnostic& d : problems) {
    if (job.format == OutputFormat::kJson) {
      out << RenderJson(d.file, "", false, {d}) << "\n";
    } else {
      err << FormatDiagnostic(d) << "\n";
    }
  }
  if (!files.empty() && !EnsureDirectory(job.output_dir, &error)) {
    err << "brief: error: " << error << "\n";
    return kExitInvalid;
  }
  // Temporary files of a run that was killed (kill -9, a crash).
  if (!files.empty()) RemoveStaleTemporaries(job.output_dir);
  // Outputs are claimed in input order, before any work starts, so which of
  // two same-named briefs wins does not depend on thread timing.
  std::vector<RenderItem> items(files.size());
  std::map<std::string, std::string> claimed;  // output path → brief that claims it
  for (size_t i = 0; i < files.size(); ++i) {
    items[i].file = files[i];
    items[i].output = JoinPath(job.output_dir, FileStem(files[i]) + ".pdf");
    auto [it, fresh] = claimed.emplace(items[i].output, files[i]);
    if (!fresh) {
      items[i].diagnostics.push_back(
          {Severity::kError, files[i], 0, 0, "",
           fmt::format("{} is also the output of {}; rename one of the briefs", items[i].output,
                       it->second),
           ""});
    }
  }
  // Each brief is rendered in a worker process, so a crash inside a
  // library costs that brief only; where processes cannot be made, threads.
  std::vector<size_t> todo;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].diagnostics.empty()) todo.push_back(i);
  }
  const char* crash_test = std::getenv("BRIEF_TEST_CRASH");  // Tests only: crash on this file.
  auto work = [&](size_t k) {
    RenderItem item = items[todo[k]];
    if (crash_test && *crash_test && item.file.find(crash_test) != std::string::npos) std::abort();
    RenderOne(job, fs, *renderer, &item);
    return Serialize(item);
  };
  std::vector<std::optional<std::string>> results;
  std::vector<std::string> crashes;
  if (RunIsolated(todo.size(), job.jobs, work, &results, &crashes)) {
    for (size_t k = 0; k < todo.size(); ++k) {
      RenderItem& item = items[todo[k]];
      if (results[k]) {
        Deserialize(*results[k], &item);
        continue;
      }
      item.diagnostics.push_back(
          {Severity::kError, item.file, 0, 0, "",
           fmt::format("rendering this brief crashed ({}); no PDF was written for it, and the other "
                       "briefs were rendered",
                       crashes[k].empty() ? "the worker stopped" : crashes[k]),
           "please report it with the brief attached"});
    }
    RemoveStaleTemporaries(job.output_dir);  // A crash may leave one.
  } else {
    ForEachParallel(todo.size(), job.jobs, [&](size_t k) { RenderOne(job, fs, *renderer, &items[todo[k]]); });
  }
  for (const RenderItem& item : items) {
    item.ok ? ++rendered : ++failed;
    if (job.format == OutputFormat::kJson) {
      out << RenderJson(item.file, item.output, item.ok, item.diagnostics) << "\n";
    } else {
      for (const Diagnostic& d : item.diagnostics) err << FormatDiagnostic(d) << "\n";
    }
  }
  if (!job.quiet && job.format == OutputFormat::kText) {
    err << fmt::format("{} rendered to {}, {} failed\n", Plural(rendered, "brief"), job.output_dir,
                       failed);
  }
  return failed ? kExitInvalid : kExitOk;
}

}  // namespace

int RunJob(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  switch (job.command) {
    case Job::Command::kValidate:
      return RunValidate(job, fs, out, err);
    case Job::Command::kRender:
      return RunRender(job, fs, out, err);
  }
  return kExitUsage;
}

}  // namespace brief
