// Runs the built `brief` binary from the source folder and captures its
// output and exit status, for end-to-end tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a shell command, capturing stdout and stderr separately.
inline Run RunShell(const std::string& command) {
  static int counter = 0;
  std::string base = "/tmp/brief_sh_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  Run r;
  // Grouped, so the redirections apply to the whole command: appended to a
  // pipeline, "</dev/null" would replace the last command's input.
  int raw = std::system(("{ " + command + "\n} >" + base + ".out 2>" + base + ".err </dev/null").c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadWhole(base + ".out");
  r.err = ReadWhole(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

// Runs the binary; `args` is appended to its path as shell words, `env`
// ("NAME=value") is set for it.
inline Run RunBrief(const std::string& args, const std::string& env = "") {
  return RunShell(env + (env.empty() ? "" : " ") + BRIEF_BINARY + std::string(" ") + args);
}

// The text with each run time ("in 0.02 s") written as "in T s", so that a
// summary line can be compared whole.
inline std::string WithoutTimes(std::string text) {
  static const std::regex kTime("in [0-9]+\\.[0-9]+ s");
  return std::regex_replace(text, kTime, "in T s");
}

// The PDFs in a folder (names, sorted; not the manifest or other files).
inline std::vector<std::string> PdfsIn(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A fresh empty folder under /tmp, removed by the destructor.
struct TempDir {
  std::string path;
  TempDir() {
    char name[] = "/tmp/brief_test_dir_XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
};
