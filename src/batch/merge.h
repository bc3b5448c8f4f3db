// `brief manifest merge`: shard manifests joined into one manifest of the
// whole batch, with every brief missing or listed twice reported.
#pragma once

#include <string>
#include <vector>

#include "batch/manifest.h"

namespace brief {

// A manifest read from `path` (its outputs are relative to path's folder).
struct ManifestFile {
  std::string path;
  Manifest manifest;
};

// Joins the manifests into *merged, whose outputs are rewritten relative to
// `merged_dir` (the folder the merged manifest goes to). Appends to
// *problems, one line each: manifests made under different configs
// (program, template, options, fonts); sharded and unsharded manifests
// mixed, or shard counts or batch lists that differ; a shard given twice or
// missing; a brief (by its output relative to its shard's folder) that no
// manifest lists though its shard's batch has it, that two manifests list,
// or that an interrupted run did not reach. Inputs that could not be read
// are kept once. Returns true when there were no problems.
bool MergeManifests(const std::vector<ManifestFile>& files, const std::string& merged_dir,
                    Manifest* merged, std::vector<std::string>* problems);

}  // namespace brief
