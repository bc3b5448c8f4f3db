// The live progress line of a batch on a terminal:
// "[ 412/1000] 3 failed · 96.4 briefs/s · ETA 6 s", redrawn in place on
// stderr at most ten times a second and erased at the end.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

namespace brief {

class Progress {
 public:
  // Draws nothing unless `enabled` (stderr is a terminal and CI is unset:
  // the caller decides). `color`: the failure count in red.
  Progress(std::ostream& err, bool enabled, bool color, size_t total);
  ~Progress() { Finish(); }

  // `done` briefs finished, `failed` of them failed.
  void Update(size_t done, size_t failed);

  // Erases the line (once).
  void Finish();

  // The line for a state, without escape codes (tests).
  static std::string Line(size_t done, size_t total, size_t failed, double seconds, bool color);

 private:
  std::ostream& err_;
  bool enabled_;
  bool color_;
  size_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace brief
