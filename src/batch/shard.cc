#include "batch/shard.h"

#include <cstdlib>

#include <fmt/format.h>

#include "base/sha256.h"

namespace brief {

namespace {

constexpr int kMaxShards = 10000;

// A whole number in [lo, hi] from text; false otherwise.
bool ParseInt(const std::string& text, long lo, long hi, long* value) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  *value = std::strtol(text.c_str(), nullptr, 10);
  return *value >= lo && *value <= hi;
}

// Reads a whole-number variable; false with *error when unset or not a number.
bool EnvInt(const EnvLookup& env, const char* name, long* value, std::string* error) {
  const char* text = env(name);
  if (!text || !*text) {
    *error = fmt::format("{} is not set", name);
    return false;
  }
  if (!ParseInt(text, 0, 999999999, value)) {
    *error = fmt::format("{} is '{}', not a whole number", name, text);
    return false;
  }
  return true;
}

bool Check(long index, long count, const std::string& source, Shard* shard, std::string* error) {
  if (count < 1 || count > kMaxShards) {
    *error = fmt::format("{}: the shard count must be from 1 to {}, not {}", source, kMaxShards, count);
    return false;
  }
  if (index < 1 || index > count) {
    *error = fmt::format("{}: shard {} of {} does not exist (shards are numbered 1 to {})", source,
                         index, count, count);
    return false;
  }
  shard->index = static_cast<int>(index);
  shard->count = static_cast<int>(count);
  return true;
}

bool FromEnvironment(const EnvLookup& env, long given_count, const std::string& spec, Shard* shard,
                     std::string* error) {
  auto set = [&](const char* name) {
    const char* v = env(name);
    return v && *v;
  };
  long index = 0, count = 0;
  if (set("CI_NODE_INDEX") || set("CI_NODE_TOTAL")) {
    if (!EnvInt(env, "CI_NODE_INDEX", &index, error) || !EnvInt(env, "CI_NODE_TOTAL", &count, error)) {
      *error = "--shard auto (GitLab parallel): " + *error;
      return false;
    }
    if (given_count && given_count != count) {
      *error = fmt::format("--shard auto/{}: CI_NODE_TOTAL is {}", given_count, count);
      return false;
    }
    return Check(index, count, "--shard auto (CI_NODE_INDEX/CI_NODE_TOTAL)", shard, error);
  }
  if (set("SLURM_ARRAY_TASK_ID")) {
    long min = 0, step = 1;
    if (!EnvInt(env, "SLURM_ARRAY_TASK_ID", &index, error) ||
        !EnvInt(env, "SLURM_ARRAY_TASK_COUNT", &count, error) ||
        !EnvInt(env, "SLURM_ARRAY_TASK_MIN", &min, error) ||
        (set("SLURM_ARRAY_TASK_STEP") && !EnvInt(env, "SLURM_ARRAY_TASK_STEP", &step, error))) {
      *error = "--shard auto (Slurm array job): " + *error;
      return false;
    }
    if (step != 1) {
      *error = fmt::format("--shard auto (Slurm array job): SLURM_ARRAY_TASK_STEP is {}; use a "
                           "contiguous --array such as 0-3, so that every shard has a task",
                           step);
      return false;
    }
    if (given_count && given_count != count) {
      *error = fmt::format("--shard auto/{}: SLURM_ARRAY_TASK_COUNT is {}", given_count, count);
      return false;
    }
    // Array ids need not start at 0 (--array=1-4); a stepped or sparse
    // array (--array=0-6:2) would leave shards out: refused below.
    return Check(index - min + 1, count,
                 "--shard auto (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT; "
                 "use a contiguous --array such as 0-3)",
                 shard, error);
  }
  if (set("JOB_COMPLETION_INDEX")) {
    if (!EnvInt(env, "JOB_COMPLETION_INDEX", &index, error)) {
      *error = "--shard auto (Kubernetes Indexed Job): " + *error;
      return false;
    }
    if (!given_count) {
      *error = "--shard auto: JOB_COMPLETION_INDEX is set but Kubernetes gives no count; pass "
               "the Job's completions as --shard auto/N";
      return false;
    }
    return Check(index + 1, given_count, "--shard auto (JOB_COMPLETION_INDEX)", shard, error);
  }
  *error = "--shard " + spec +
           ": no shard index in the environment (looked for GitLab's CI_NODE_INDEX, "
           "Slurm's SLURM_ARRAY_TASK_ID and Kubernetes' JOB_COMPLETION_INDEX); on GitHub pass "
           "--shard K/N from the matrix";
  return false;
}

}  // namespace

bool ParseShard(const std::string& text, const EnvLookup& env, Shard* shard, std::string* error) {
  size_t slash = text.find('/');
  std::string left = text.substr(0, slash);
  std::string right = slash == std::string::npos ? "" : text.substr(slash + 1);
  long count = 0;
  if (left == "auto") {
    if (slash != std::string::npos && !ParseInt(right, 1, kMaxShards, &count)) {
      *error = fmt::format("--shard auto/N: N must be a whole number from 1 to {}, not '{}'",
                           kMaxShards, right);
      return false;
    }
    return FromEnvironment(env, count, text, shard, error);
  }
  long index = 0;
  auto digits = [](const std::string& t) {
    return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
  };
  if (slash == std::string::npos || !digits(left) || !digits(right)) {
    *error = fmt::format("--shard must be K/N (such as 2/4), auto or auto/N, not '{}'", text);
    return false;
  }
  if (!ParseInt(left, 0, 999999999, &index) || !ParseInt(right, 0, 999999999, &count)) {
    *error = fmt::format("--shard {}: the shard count must be from 1 to {}", text, kMaxShards);
    return false;
  }
  return Check(index, count, "--shard " + text, shard, error);
}

bool InShard(const std::string& output, const Shard& shard) {
  if (shard.count <= 1) return true;
  std::string hex = Sha256Hex(output).substr(0, 16);
  unsigned long long h = std::strtoull(hex.c_str(), nullptr, 16);
  return static_cast<int>(h % static_cast<unsigned long long>(shard.count)) == shard.index - 1;
}

}  // namespace brief
