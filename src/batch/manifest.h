// The batch manifest: what a render run wrote to OUT and from what, read
// back by the next run to skip briefs whose inputs have not changed.
// Format: docs/manifest.md (versioned; this is version 1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace brief {

// The file name of the manifest inside OUT.
inline constexpr const char* kManifestName = "manifest.json";

// A file whose bytes a PDF was made from, with their SHA-256.
struct Dependency {
  std::string file;
  std::string sha256;
  bool operator==(const Dependency&) const = default;
};

// What a run did with a brief. kNotStarted: the run was interrupted before
// it; the entry still describes the PDF an earlier run wrote, if any.
enum class BriefStatus { kRendered, kUpToDate, kFailed, kNotStarted };

// "rendered", "up-to-date", "failed", "not-started".
const char* StatusName(BriefStatus status);

// One brief of the batch. `output` is relative to OUT and identifies the
// brief: it is the shard key, and two briefs cannot share it.
struct ManifestEntry {
  std::string output;              // "europe/volvo.pdf"
  std::string input;               // The brief's path as the run saw it.
  BriefStatus status = BriefStatus::kFailed;
  std::string sha256;              // The PDF's; "" when there is none.
  long long bytes = -1;            // The PDF's size; -1 when there is none.
  // Failed: the SHA-256 of an earlier PDF left at `output` ("" if none),
  // so that it can still be pruned once the brief is gone.
  std::string stale_sha256;
  // The config the PDF was made under (Manifest::config_sha256 of the run
  // that rendered it): an entry an interrupted run kept may be older than
  // the manifest's.
  std::string config_sha256;
  std::string template_name;
  std::string program;             // "brief 0.1.0"
  double seconds = 0;              // Time spent on it (for reports; not in the file).
  std::vector<Dependency> dependencies;  // Brief, logo, font files used.
  std::vector<Diagnostic> diagnostics;
};

// A PDF an earlier run wrote whose brief is no longer among the inputs;
// kept listed so that --prune can remove it later.
struct Orphan {
  std::string output;  // Relative to OUT.
  std::string sha256;  // As written: a file that differs is not ours to remove.
  std::string input;   // The brief it came from.
};

// An input that gave no brief to render: a path that does not exist, or a
// brief whose output another brief already claimed.
struct InputProblem {
  std::string input;
  std::vector<Diagnostic> diagnostics;
};

// This run's share of a sharded batch.
struct ShardRecord {
  int index = 0;                    // 1..count
  int count = 0;
  std::vector<std::string> outputs; // Every output of the whole batch, sorted.
};

struct Manifest {
  int version = 1;
  std::string program;
  std::string template_name;       // As given with -t.
  std::string template_file;
  std::string template_sha256;
  bool strict = false;
  long long source_date_epoch = -1;  // -1: unset.
  std::string author;              // --author ("": each brief's own prepared_by).
  std::vector<std::string> fonts;  // The template's font files, as resolved.
  // SHA-256 over every field above but template_name and template_file
  // (the template counts by its content): briefs made under another config
  // are rendered again.
  std::string config_sha256;
  std::optional<ShardRecord> shard;
  // Written by `brief manifest merge`: describes shards' folders, not the
  // folder it is in, so render refuses to take it as its record.
  bool merged = false;
  std::vector<ManifestEntry> briefs;  // Sorted by output.
  std::vector<InputProblem> problems; // In input order.
  std::vector<Orphan> orphans;        // Sorted by output.

  int Count(BriefStatus status) const;
};

// The config hash of a manifest's config fields (everything before shard).
std::string ConfigSha256(const Manifest& m);

// The manifest as JSON text (two-space indented, fields in a fixed order,
// briefs and orphans sorted by output), ending in a newline.
std::string ManifestJson(const Manifest& m);

// Parses a manifest. False with *error ("line 3: ...", "not a brief
// manifest", "version 2 is newer than this program reads") otherwise.
bool ParseManifest(const std::string& text, Manifest* m, std::string* error);

}  // namespace brief
