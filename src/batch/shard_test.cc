#include "batch/shard.h"

#include <map>
#include <set>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace brief {

namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    static thread_local std::string value;
    auto it = vars.find(name);
    if (it == vars.end()) return nullptr;
    value = it->second;
    return value.c_str();
  };
}

std::vector<std::string> Outputs(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(fmt::format("region{}/company-{}.pdf", i % 7, i));
  return out;
}

}  // namespace

TEST_CASE("shards: for N = 1..8 every brief is in exactly one shard, and adding briefs moves none") {
  std::vector<std::string> outputs = Outputs(500);
  for (int n = 1; n <= 8; ++n) {
    std::map<std::string, int> owner;
    std::vector<int> sizes(static_cast<size_t>(n));
    for (const std::string& o : outputs) {
      int count = 0;
      for (int k = 1; k <= n; ++k) {
        if (InShard(o, {k, n})) {
          ++count;
          owner[o] = k;
          ++sizes[static_cast<size_t>(k - 1)];
        }
      }
      CHECK_MESSAGE(count == 1, o << " is in " << count << " of " << n << " shards");
    }
    // A hash spreads them: no shard is empty or holds twice its share.
    for (int size : sizes) {
      CHECK(size > 0);
      CHECK(size < 2 * 500 / n + 10);
    }
    // Briefs added later go to some shard; the others stay where they were.
    std::vector<std::string> more = Outputs(600);
    for (const std::string& o : more) {
      if (!owner.count(o)) continue;
      CHECK(InShard(o, {owner[o], n}));
    }
  }
  CHECK(InShard("anything.pdf", {0, 0}));  // Not sharded: everything.
}

TEST_CASE("shards: K/N, and auto from GitLab, Slurm and Kubernetes variables") {
  Shard s;
  std::string error;
  CHECK(ParseShard("2/4", Env({}), &s, &error));
  CHECK((s.index == 2 && s.count == 4));
  CHECK_FALSE(ParseShard("0/4", Env({}), &s, &error));
  CHECK(error == "--shard 0/4: shard 0 of 4 does not exist (shards are numbered 1 to 4)");
  CHECK_FALSE(ParseShard("5/4", Env({}), &s, &error));
  CHECK_FALSE(ParseShard("two/4", Env({}), &s, &error));
  CHECK(error == "--shard must be K/N (such as 2/4), auto or auto/N, not 'two/4'");
  CHECK_FALSE(ParseShard("1/0", Env({}), &s, &error));
  // GitLab: CI_NODE_INDEX counts from 1.
  CHECK(ParseShard("auto", Env({{"CI_NODE_INDEX", "3"}, {"CI_NODE_TOTAL", "4"}}), &s, &error));
  CHECK((s.index == 3 && s.count == 4));
  CHECK_FALSE(ParseShard("auto/5", Env({{"CI_NODE_INDEX", "3"}, {"CI_NODE_TOTAL", "4"}}), &s, &error));
  CHECK(error == "--shard auto/5: CI_NODE_TOTAL is 4");
  // Slurm: task ids relative to the array's first, which need not be 0.
  CHECK(ParseShard("auto", Env({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "4"},
                                {"SLURM_ARRAY_TASK_MIN", "0"}}),
                   &s, &error));
  CHECK((s.index == 1 && s.count == 4));
  CHECK(ParseShard("auto", Env({{"SLURM_ARRAY_TASK_ID", "8"}, {"SLURM_ARRAY_TASK_COUNT", "4"},
                                {"SLURM_ARRAY_TASK_MIN", "5"}}),
                   &s, &error));
  CHECK((s.index == 4 && s.count == 4));
  CHECK_FALSE(ParseShard("auto", Env({{"SLURM_ARRAY_TASK_ID", "9"}, {"SLURM_ARRAY_TASK_COUNT", "4"},
                                      {"SLURM_ARRAY_TASK_MIN", "5"}}),
                         &s, &error));
  // Kubernetes: JOB_COMPLETION_INDEX counts from 0, and the count is given.
  CHECK(ParseShard("auto/4", Env({{"JOB_COMPLETION_INDEX", "0"}}), &s, &error));
  CHECK((s.index == 1 && s.count == 4));
  CHECK_FALSE(ParseShard("auto", Env({{"JOB_COMPLETION_INDEX", "0"}}), &s, &error));
  CHECK(error.find("pass the Job's completions as --shard auto/N") != std::string::npos);
  CHECK_FALSE(ParseShard("auto/3", Env({}), &s, &error));
  CHECK(error.rfind("--shard auto/3: no shard index in the environment", 0) == 0);
  CHECK_FALSE(ParseShard("1/99999999999999999999", Env({}), &s, &error));
  CHECK(error == "--shard 1/99999999999999999999: the shard count must be from 1 to 10000");
  // A Slurm array must be contiguous and say where it starts.
  CHECK_FALSE(ParseShard("auto", Env({{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "3"}}), &s, &error));
  CHECK(error == "--shard auto (Slurm array job): SLURM_ARRAY_TASK_MIN is not set");
  CHECK_FALSE(ParseShard("auto", Env({{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_COUNT", "3"},
                                      {"SLURM_ARRAY_TASK_MIN", "0"}, {"SLURM_ARRAY_TASK_STEP", "2"}}),
                         &s, &error));
  CHECK(error.find("SLURM_ARRAY_TASK_STEP is 2; use a contiguous --array") != std::string::npos);
  CHECK_FALSE(ParseShard("auto", Env({{"CI_NODE_INDEX", "x"}, {"CI_NODE_TOTAL", "4"}}), &s, &error));
  CHECK(error == "--shard auto (GitLab parallel): CI_NODE_INDEX is 'x', not a whole number");
}

}  // namespace brief
