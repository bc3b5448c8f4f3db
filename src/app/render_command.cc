// brief render: a batch of briefs to PDFs in OUT, incremental through
// OUT/manifest.json, in worker processes, interruptible, shardable.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/inputs.h"
#include "app/isolated.h"
#include "app/render_one.h"
#include "batch/freshness.h"
#include "batch/github.h"
#include "batch/interrupt.h"
#include "batch/manifest.h"
#include "batch/orphans.h"
#include "batch/progress.h"
#include "output/atomic_write.h"
#include "output/folder_lock.h"

namespace brief {

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// One brief of the run.
struct Planned {
  enum class State { kTodo, kUpToDate, kConflict, kDone, kNotStarted };
  std::string relative;  // The PDF's path under OUT.
  RenderItem item;       // file, output; the outcome once done.
  State state = State::kTodo;
  const ManifestEntry* old = nullptr;  // The previous run's entry for this output.
};

// Calls work(0) ... work(count - 1) on up to `threads` threads, until
// stop() (the fallback when no worker processes can be made).
void ForEachParallel(size_t count, int threads, const std::function<void(size_t)>& work,
                     const std::function<bool()>& stop) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count && !stop(); i = next++) work(i);
  };
  size_t n = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), count);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// The previous manifest in OUT: false (after saying why) when there is a
// file by that name that is not one, which is never overwritten.
bool ReadOldManifest(const FileSystem& fs, const std::string& path, std::optional<Manifest>* old,
                     std::ostream& err) {
  PathKind kind = fs.Kind(path);
  if (kind == PathKind::kMissing) return true;
  std::string text, error;
  Manifest m;
  if (kind != PathKind::kFile || !fs.Read(path, size_t{1} << 30, &text, &error) ||
      !ParseManifest(text, &m, &error)) {
    if (error.empty()) error = "not a regular file";
    err << fmt::format("brief: error: {}: {}; brief keeps its record of a batch there, and does not "
                       "overwrite a file it cannot read as one: move it away, or render to another "
                       "folder (-o)\n",
                       path, error);
    return false;
  }
  if (m.merged) {
    err << fmt::format("brief: error: {}: this manifest was made by 'brief manifest merge' and lists "
                       "PDFs in shards' folders; render into another folder (-o), or move it away\n",
                       path);
    return false;
  }
  *old = std::move(m);
  return true;
}

// One brief's result as a JSON line.
std::string RenderJson(const ReportItem& item) {
  return fmt::format(R"({{"file":{},"output":{},"status":"{}","ok":{},"diagnostics":{}}})",
                     JsonQuote(item.input), item.ok ? JsonQuote(item.output) : "null", item.status,
                     item.ok ? "true" : "false", DiagnosticsJson(item.diagnostics));
}

// What a render run did, for its last lines.
struct Summary {
  int rendered, up_to_date, failed, not_started, pruned, orphans;
  double seconds;
  int signal;  // 0 unless interrupted.
};

// The summary object (JSON) or lines (text, unless --quiet), and the GitHub
// step summary.
void PrintSummary(const Job& job, const Summary& s, const std::string& manifest_path,
                  const std::vector<ReportItem>& report, const std::vector<std::string>& kept,
                  const std::vector<Orphan>& orphans, std::ostream& out, std::ostream& err) {
  if (job.format == OutputFormat::kJson) {
    out << fmt::format(R"({{"summary":{{"rendered":{},"up_to_date":{},"failed":{},"not_started":{},"pruned":{},"orphans":{},"output":{},"manifest":{},"seconds":{:.3f},"interrupted":{}}}}})",
                       s.rendered, s.up_to_date, s.failed, s.not_started, s.pruned, s.orphans,
                       JsonQuote(job.output_dir), JsonQuote(manifest_path), s.seconds,
                       s.signal ? JsonQuote(strsignal(s.signal)) : "null")
        << "\n";
  }
  std::string line = fmt::format("rendered {}, up to date {}, failed {} in {:.2f} s", s.rendered,
                                 s.up_to_date, s.failed, s.seconds);
  AppendStepSummary(job, "brief render", line, report);
  if (s.signal && job.format == OutputFormat::kGithub) {
    out << "::error title=brief render::" << GithubEscapeData(fmt::format(
               "interrupted ({}): {} not started", strsignal(s.signal), Plural(s.not_started, "brief")))
        << "\n";
  }
  if (job.format != OutputFormat::kJson && !job.quiet) {
    if (s.signal) {
      line = fmt::format("interrupted ({}): {}; {} not started; the manifest records what was done",
                         strsignal(s.signal), line, Plural(s.not_started, "brief"));
    }
    err << line << " (" << job.output_dir << (job.shard.count ? fmt::format(", shard {}/{}", job.shard.index, job.shard.count) : "") << ")\n";
    bool stale = std::any_of(report.begin(), report.end(),
                             [](const ReportItem& i) { return !i.ok && !i.output.empty(); });
    if (report.size() > 1 || stale) err << FailureList(report, "failed");
    if (s.pruned) {
      err << fmt::format("pruned {} of {} no longer among the inputs\n", Plural(s.pruned, "PDF"),
                         s.pruned == 1 ? "a brief" : "briefs");
    }
    for (const std::string& k : kept) {
      err << fmt::format("kept {}: its brief is not among the inputs, but it changed since brief wrote "
                         "it, or is reached through a link out of {}\n", k, job.output_dir);
    }
    if (s.orphans) {
      std::string names;
      for (size_t i = 0; i < orphans.size() && i < 5; ++i) names += (i ? ", " : "") + orphans[i].output;
      if (orphans.size() > 5) names += fmt::format(" and {} more", orphans.size() - 5);
      err << fmt::format("{} in {} ({}) from earlier runs, whose briefs are not {}{}\n",
                         Plural(s.orphans, "PDF"), job.output_dir, names,
                         job.shard.count ? "in this shard" : "among this run's inputs",
                         job.prune ? " (not pruned: an input could not be read, or the run was interrupted)"
                                   : "; --prune removes those still as brief wrote them");
    }
  }
}

}  // namespace

int RunRenderCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  Clock::time_point start = Clock::now();
  ClearInterrupt();
  InterruptGuard guard;
  std::string template_path;
  std::unique_ptr<BriefRenderer> renderer = PrepareRenderer(job, fs, err, &template_path);
  if (!renderer) return kExitUsage;

  std::vector<Diagnostic> problems;
  std::vector<InputFile> inputs = ExpandInputs(fs, job.inputs, job.recursive, &problems);
  if (IsSingleOutput(job, fs)) return RenderSingle(job, fs, *renderer, inputs, problems, out, err);

  // What every PDF of this run depends on besides its own files.
  HashStore store(job.cache_dir.empty() ? "" : job.cache_dir + "/file-hashes");
  HashCache hashes(fs, &store);
  Manifest manifest;
  manifest.program = GeneratorName();
  manifest.template_name = job.template_name;
  manifest.template_file = template_path;
  manifest.template_sha256 = hashes.Get(template_path);
  manifest.strict = job.strict;
  manifest.author = job.author;
  manifest.source_date_epoch = job.source_date_epoch;
  manifest.fonts = renderer->FontFiles();
  manifest.config_sha256 = ConfigSha256(manifest);

  // Outputs are claimed in input order, so which of two same-named briefs
  // wins does not depend on timing; then this run's shard is kept.
  std::vector<Planned> plan;
  std::map<std::string, std::string> claimed;  // relative output → brief that claims it
  std::set<std::string> all_outputs;
  for (const InputFile& in : inputs) {
    Planned p;
    p.relative = OutputName(in);
    p.item.file = in.path;
    p.item.output = JoinPath(job.output_dir, p.relative);
    all_outputs.insert(p.relative);
    auto [it, fresh] = claimed.emplace(p.relative, in.path);
    if (p.relative.rfind(std::string(kManifestName) + "/", 0) == 0) {
      p.state = Planned::State::kConflict;
      p.item.diagnostics.push_back(
          {Severity::kError, in.path, 0, 0, "",
           fmt::format("its PDF would go under {}, where the manifest goes; rename the folder {}",
                       JoinPath(job.output_dir, kManifestName), kManifestName),
           ""});
    } else if (!fresh) {
      p.state = Planned::State::kConflict;
      p.item.diagnostics.push_back(
          {Severity::kError, in.path, 0, 0, "",
           fmt::format("{} is also the output of {}; rename one of the briefs", p.item.output, it->second),
           ""});
    }
    if (InShard(p.relative, job.shard)) plan.push_back(std::move(p));
  }
  if (job.shard.count > 0) {
    manifest.shard = ShardRecord{job.shard.index, job.shard.count, {all_outputs.begin(), all_outputs.end()}};
  }

  // One run at a time into a folder (the next one waits), from before the
  // manifest is read until after it is written.
  std::string error;
  if (!EnsureDirectory(job.output_dir, &error)) {
    err << "brief: error: " << error << "\n";
    return kExitUsage;
  }
  FolderLock lock(job.output_dir, [&] {
    err << "brief: waiting for another run that writes to " << job.output_dir << "\n";
  });
  if (!lock.locked()) {
    err << "brief: error: " << lock.error() << "\n";
    return InterruptSignal() ? InterruptExitCode(InterruptSignal()) : kExitUsage;
  }

  // The previous run's record, and which briefs it says are current.
  std::string manifest_path = JoinPath(job.output_dir, kManifestName);
  std::vector<std::string> taken = {manifest_path};
  for (const Planned& p : plan) {
    taken.push_back(p.item.file);
    taken.push_back(p.item.output);
  }
  if (!JunitPathIsFree(job, taken, err)) return kExitUsage;
  std::optional<Manifest> old;
  if (!ReadOldManifest(fs, manifest_path, &old, err)) return kExitUsage;
  std::map<std::string, const ManifestEntry*> old_entries;
  if (old) {
    for (const ManifestEntry& e : old->briefs) old_entries[e.output] = &e;
  }
  std::set<std::string> folders = {job.output_dir};
  for (Planned& p : plan) {
    if (p.state == Planned::State::kConflict) continue;  // The entry is the other brief's.
    folders.insert(DirName(p.item.output));
    auto it = old_entries.find(p.relative);
    if (it != old_entries.end()) p.old = it->second;
    if (!job.force && p.old &&
        IsUpToDate(*p.old, manifest.config_sha256, p.item.file, p.item.output, &hashes)) {
      p.state = Planned::State::kUpToDate;
    }
  }

  // Sub-folders of OUT are made when a PDF is written there (RenderOne), so
  // a folder of failed briefs leaves no empty folder behind.
  for (const std::string& folder : folders) {
    // Left by a run that was killed (kill -9, a crash).
    if (fs.Kind(folder) == PathKind::kDirectory) RemoveStaleTemporaries(folder);
  }

  // Render what is not up to date, each brief in a worker process, so a
  // crash inside a library costs that brief only; where processes cannot
  // be made, on threads.
  std::vector<size_t> todo;
  for (size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].state == Planned::State::kTodo) todo.push_back(i);
  }
  const char* crash_test = std::getenv("BRIEF_TEST_CRASH");  // Tests only: crash on this file.
  const char* delay_test = std::getenv("BRIEF_TEST_DELAY_MS");  // Tests only: pause before renames.
  std::function<void()> before_rename;
  if (delay_test && *delay_test) {
    int ms = std::atoi(delay_test);
    before_rename = [ms] { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
  }
  Progress progress(err, job.progress, job.color, todo.size());
  size_t finished = 0, failures = 0;
  auto stop = [] { return InterruptSignal() != 0; };
  std::vector<std::optional<std::string>> results;
  std::vector<std::string> crashes;
  auto work = [&](size_t k) {
    RenderItem item = plan[todo[k]].item;
    if (crash_test && *crash_test && item.file.find(crash_test) != std::string::npos) std::abort();
    RenderOne(job, fs, *renderer, &item, before_rename);
    return SerializeOutcome(item);
  };
  auto collect = [&](size_t k) {  // In this process, as each result arrives.
    Planned& p = plan[todo[k]];
    p.state = Planned::State::kDone;
    if (!results[k] || !DeserializeOutcome(*results[k], &p.item)) {
      p.item.ok = false;
      p.item.diagnostics.push_back(
          {Severity::kError, p.item.file, 0, 0, "",
           fmt::format("rendering this brief crashed ({}); no PDF was written for it, and the other "
                       "briefs were rendered",
                       crashes[k].empty() ? "the worker stopped" : crashes[k]),
           "please report it with the brief attached"});
    }
    ++finished;
    if (!p.item.ok) ++failures;
    progress.Update(finished, failures);
  };
  if (RunIsolated(todo.size(), job.jobs, work, &results, &crashes, {collect, stop})) {
    for (const std::string& folder : folders) {  // A crash may leave one.
      if (fs.Kind(folder) == PathKind::kDirectory) RemoveStaleTemporaries(folder);
    }
  } else {
    for (size_t k : todo) plan[k].state = Planned::State::kNotStarted;
    std::mutex lock;
    ForEachParallel(todo.size(), job.jobs, [&](size_t k) {
      RenderItem item = plan[todo[k]].item;
      RenderOne(job, fs, *renderer, &item, before_rename);
      std::lock_guard<std::mutex> hold(lock);
      plan[todo[k]].item = std::move(item);
      plan[todo[k]].state = Planned::State::kDone;
      ++finished;
      if (!plan[todo[k]].item.ok) ++failures;
      progress.Update(finished, failures);
    }, stop);
  }
  for (size_t k : todo) {
    if (plan[k].state == Planned::State::kTodo) plan[k].state = Planned::State::kNotStarted;
  }
  progress.Finish();
  int signal = InterruptSignal();

  // The new manifest: this run's briefs (those it did not reach keep what
  // the earlier entry said of their PDF), and the inputs that gave none.
  std::vector<ReportItem> report;
  for (const Diagnostic& d : problems) {
    manifest.problems.push_back({d.file, {d}});
    report.push_back({d.file, "", "failed", false, false, 0, {d}});
  }
  std::set<std::string> produced;
  int not_started = 0;
  for (Planned& p : plan) {
    if (p.state == Planned::State::kConflict) {
      manifest.problems.push_back({p.item.file, p.item.diagnostics});
      report.push_back({p.item.file, "", "failed", false, false, 0, p.item.diagnostics});
      continue;
    }
    produced.insert(p.relative);
    ManifestEntry e;
    e.output = p.relative;
    e.input = p.item.file;
    e.template_name = job.template_name;
    e.program = manifest.program;
    e.config_sha256 = manifest.config_sha256;
    if (p.state == Planned::State::kUpToDate) {
      e = *p.old;
      e.status = BriefStatus::kUpToDate;
    } else if (p.state == Planned::State::kNotStarted) {
      ++not_started;
      if (p.old) e = *p.old;
      e.status = BriefStatus::kNotStarted;
      e.diagnostics.clear();
    } else if (p.item.ok) {
      e.status = BriefStatus::kRendered;
      e.sha256 = p.item.sha256;
      e.bytes = p.item.bytes;
      e.dependencies = p.item.dependencies;
      for (const std::string& font : p.item.font_files) e.dependencies.push_back({font, hashes.Get(font)});
      e.seconds = p.item.seconds;
      e.diagnostics = p.item.diagnostics;
    } else {
      // Failed: an earlier PDF of the brief's stays in place (nothing good
      // is destroyed); its hash is kept, so that --prune can still remove
      // it once the brief is gone.
      e.status = BriefStatus::kFailed;
      std::string earlier = !p.old ? "" : p.old->sha256.empty() ? p.old->stale_sha256 : p.old->sha256;
      if (!earlier.empty() && hashes.Get(p.item.output) == earlier) e.stale_sha256 = earlier;
      e.seconds = p.item.seconds;
      e.diagnostics = p.item.diagnostics;
    }
    manifest.briefs.push_back(e);
    bool ok = e.status == BriefStatus::kRendered || e.status == BriefStatus::kUpToDate;
    bool stale = e.status == BriefStatus::kFailed && fs.Kind(p.item.output) == PathKind::kFile;
    report.push_back({p.item.file, ok || stale ? p.item.output : "", StatusName(e.status), ok,
                      e.status == BriefStatus::kNotStarted, e.seconds, e.diagnostics});
  }

  // A PATH that could not be read (a typo) may have held the earlier
  // run's other briefs: their entries are kept, not reached, rather than
  // made orphans, so that the next run still knows them.
  if (old && !problems.empty()) {
    for (const ManifestEntry& e : old->briefs) {
      if (produced.count(e.output) || all_outputs.count(e.output)) continue;
      ManifestEntry kept_entry = e;
      kept_entry.status = BriefStatus::kNotStarted;
      kept_entry.diagnostics.clear();
      manifest.briefs.push_back(kept_entry);
      produced.insert(e.output);
    }
  }
  // PDFs earlier runs wrote that no input produces any more: listed as
  // orphans, removed with --prune (never on a partial view of the inputs).
  // Other shards' briefs are inputs too: their PDFs are not orphans here.
  produced.insert(all_outputs.begin(), all_outputs.end());
  bool can_prune = job.prune && problems.empty() && signal == 0;
  OrphanOutcome orphans = HandleOrphans(old, produced, job.output_dir, can_prune, fs, &hashes);
  manifest.orphans = orphans.listed;
  int pruned = orphans.pruned;
  const std::vector<std::string>& kept = orphans.kept;

  double seconds = SecondsSince(start);
  bool junit_ok = WriteJunitReport(job, "brief render", report, seconds, err);
  // The manifest goes last: it describes what is on disk.
  if (!WriteFileAtomically(manifest_path, ManifestJson(manifest), &error)) {
    err << "brief: error: cannot write the manifest: " << error << "\n";
    junit_ok = false;
  }
  // A cache that cannot be written costs only speed: nothing to report.
  std::string cache_error;
  store.Save(fs, &cache_error);

  int rendered = 0, up_to_date = 0, failed = 0;
  for (const Planned& p : plan) {
    if (p.state == Planned::State::kDone && p.item.ok) ++rendered;
    if (p.state == Planned::State::kUpToDate) ++up_to_date;
  }
  for (const ReportItem& item : report) failed += item.ok || item.skipped ? 0 : 1;
  for (const ReportItem& item : report) {  // Unreadable paths first, then briefs in input order.
    if (job.format == OutputFormat::kJson) out << RenderJson(item) << "\n";
    PrintDiagnostics(job, fs, item.diagnostics, out, err);
  }
  Summary summary{rendered, up_to_date, failed, not_started, pruned,
                  static_cast<int>(manifest.orphans.size()), seconds, signal};
  PrintSummary(job, summary, manifest_path, report, kept, manifest.orphans, out, err);
  if (signal) return InterruptExitCode(signal);
  return failed || !junit_ok ? kExitInvalid : kExitOk;
}

}  // namespace brief
