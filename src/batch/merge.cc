#include "batch/merge.h"

#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

namespace brief {

namespace {

// `output` (relative to `from_dir`) relative to `to_dir`.
std::string Rebase(const std::string& output, const std::string& from_dir, const std::string& to_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::absolute(fs::path(from_dir.empty() ? "." : from_dir) / output, ec).lexically_normal();
  fs::path base = fs::absolute(fs::path(to_dir.empty() ? "." : to_dir), ec).lexically_normal();
  std::string rel = target.lexically_relative(base).generic_string();
  return rel.empty() ? output : rel;
}

std::string DirOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// "a, b, c and 4 more".
std::string List(const std::vector<std::string>& names) {
  constexpr size_t kShown = 5;
  std::string out;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kShown) out += fmt::format(" and {} more", names.size() - kShown);
  return out;
}

}  // namespace

bool MergeManifests(const std::vector<ManifestFile>& files, const std::string& merged_dir,
                    Manifest* merged, std::vector<std::string>* problems) {
  size_t before = problems->size();
  if (files.empty()) {
    problems->push_back("no manifests to merge");
    return false;
  }
  const Manifest& first = files[0].manifest;
  *merged = Manifest();
  merged->program = first.program;
  merged->template_name = first.template_name;
  merged->template_file = first.template_file;
  merged->template_sha256 = first.template_sha256;
  merged->strict = first.strict;
  merged->author = first.author;
  merged->source_date_epoch = first.source_date_epoch;
  merged->fonts = first.fonts;
  merged->config_sha256 = first.config_sha256;
  merged->merged = true;

  // Configs and shard layouts must agree.
  bool sharded = first.shard.has_value();
  std::map<int, std::string> shard_files;  // index → manifest
  std::set<int> given;                     // Indices of every shard manifest, accepted or not.
  for (const ManifestFile& f : files) {
    if (f.manifest.shard) given.insert(f.manifest.shard->index);
    const Manifest& m = f.manifest;
    if (m.config_sha256 != first.config_sha256) {
      std::string what = m.program != first.program               ? "program " + m.program + " vs " + first.program
                         : m.template_sha256 != first.template_sha256 ? "another template"
                         : m.fonts != first.fonts                   ? "other font files"
                                                                    : "other options";
      problems->push_back(fmt::format("{} was made under another config than {} ({})", f.path,
                                      files[0].path, what));
    }
    if (m.shard.has_value() != sharded) {
      problems->push_back(fmt::format("{} is {} but {} is {}", f.path, m.shard ? "a shard" : "not a shard",
                                      files[0].path, sharded ? "a shard" : "not"));
      continue;
    }
    if (!m.shard) continue;
    if (m.shard->count != first.shard->count || m.shard->outputs != first.shard->outputs) {
      problems->push_back(fmt::format("{} is shard {}/{} of {} batch than {} ({}/{})", f.path,
                                      m.shard->index, m.shard->count,
                                      m.shard->outputs != first.shard->outputs ? "another" : "a differently split",
                                      files[0].path, first.shard->index, first.shard->count));
      continue;
    }
    auto [it, fresh] = shard_files.emplace(m.shard->index, f.path);
    if (!fresh) {
      problems->push_back(fmt::format("shard {}/{} is given twice: {} and {}", m.shard->index,
                                      m.shard->count, it->second, f.path));
    }
  }

  // Every brief once.
  std::map<std::string, std::string> listed;  // output (shard-relative) → manifest
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> doubled;  // manifests → outputs
  for (const ManifestFile& f : files) {
    std::string dir = DirOf(f.path);
    for (const InputProblem& p : f.manifest.problems) {
      // Every shard sees an unreadable path: kept once.
      bool seen = false;
      for (const InputProblem& q : merged->problems) seen = seen || q.input == p.input;
      if (!seen) merged->problems.push_back(p);
    }
    for (const ManifestEntry& e : f.manifest.briefs) {
      auto [it, fresh] = listed.emplace(e.output, f.path);
      if (!fresh) {
        doubled[{it->second, f.path}].push_back(e.output);
        continue;
      }
      ManifestEntry copy = e;
      copy.output = Rebase(e.output, dir, merged_dir);
      merged->briefs.push_back(std::move(copy));
    }
    for (const Orphan& o : f.manifest.orphans) {
      Orphan copy = o;
      copy.output = Rebase(o.output, dir, merged_dir);
      merged->orphans.push_back(std::move(copy));
    }
  }
  std::vector<std::string> not_started;
  for (const ManifestEntry& e : merged->briefs) {
    if (e.status == BriefStatus::kNotStarted) not_started.push_back(e.output);
  }
  if (!not_started.empty()) {
    problems->push_back(fmt::format("{} not rendered: the run that made their manifest was interrupted: {}",
                                    Plural(not_started.size(), "brief"), List(not_started)));
  }
  for (const auto& [pair, outputs] : doubled) {
    problems->push_back(fmt::format("{} listed in both {} and {}: {}", Plural(outputs.size(), "brief"),
                                    pair.first, pair.second, List(outputs)));
  }
  if (sharded) {
    int count = first.shard->count;
    for (int k = 1; k <= count; ++k) {
      if (!given.count(k)) problems->push_back(fmt::format("shard {}/{} is missing", k, count));
    }
    std::vector<std::string> missing;
    for (const std::string& output : first.shard->outputs) {
      if (!listed.count(output)) missing.push_back(output);
    }
    if (!missing.empty()) {
      problems->push_back(fmt::format("{} of the batch's {} briefs are in no manifest: {}", missing.size(),
                                      first.shard->outputs.size(), List(missing)));
    }
  }
  return problems->size() == before;
}

}  // namespace brief
