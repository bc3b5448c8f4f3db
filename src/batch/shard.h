// Splitting a batch across machines: each brief belongs to exactly one of
// N shards, chosen by a hash of its output path (relative to OUT), so the
// split does not depend on the order or number of the other briefs.
#pragma once

#include <functional>
#include <string>

namespace brief {

struct Shard {
  int index = 0;  // 1..count
  int count = 0;  // 0: not sharded.
};

// Reads an environment variable; nullptr when unset.
using EnvLookup = std::function<const char*(const char*)>;

// Parses --shard: "K/N" (1 ≤ K ≤ N ≤ 10000), "auto", or "auto/N". "auto"
// takes the index and count from GitLab (CI_NODE_INDEX, 1-based, and
// CI_NODE_TOTAL), Slurm (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN, and
// SLURM_ARRAY_TASK_COUNT; a stepped array is refused) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX,
// 0-based, with N from "auto/N"), in that order. False with *error naming
// what is missing or wrong.
bool ParseShard(const std::string& text, const EnvLookup& env, Shard* shard, std::string* error);

// True when the brief whose output is `output` (relative to OUT, '/'
// separated) belongs to the shard: the first 8 bytes of SHA-256(output), as
// a big-endian number, modulo count, equal index − 1.
bool InShard(const std::string& output, const Shard& shard);

}  // namespace brief
