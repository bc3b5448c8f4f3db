// Runs the built `brief` binary from the source folder and captures its
// output and exit status, for end-to-end tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

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

// `args` is appended to the binary's path as shell words.
inline Run RunBrief(const std::string& args, const std::string& env = "") {
  static int counter = 0;
  std::string base = "/tmp/brief_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string command = env + (env.empty() ? "" : " ") + BRIEF_BINARY + std::string(" ") + args +
                        " >" + base + ".out 2>" + base + ".err </dev/null";
  Run r;
  int raw = std::system(command.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadWhole(base + ".out");
  r.err = ReadWhole(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}
