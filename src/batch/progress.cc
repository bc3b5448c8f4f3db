#include "batch/progress.h"

#include <cmath>
#include <ostream>
#include <vector>

#include <fmt/format.h>

namespace brief {

Progress::Progress(std::ostream& err, bool enabled, bool color, size_t total)
    : err_(err), enabled_(enabled && total > 1), color_(color), total_(total) {
  start_ = last_ = std::chrono::steady_clock::now();
}

std::string Progress::Line(size_t done, size_t total, size_t failed, double seconds, bool color) {
  int width = static_cast<int>(std::to_string(total).size());
  std::vector<std::string> parts;
  if (failed) {
    parts.push_back(color ? fmt::format("\033[31m{} failed\033[0m", failed) : fmt::format("{} failed", failed));
  }
  if (done > 0 && seconds > 0) {
    double rate = static_cast<double>(done) / seconds;
    parts.push_back(fmt::format("{:.1f} briefs/s", rate));
    if (done < total) {
      double eta = static_cast<double>(total - done) / rate;
      parts.push_back(eta < 60 ? fmt::format("ETA {} s", static_cast<int>(std::ceil(eta)))
                               : fmt::format("ETA {} min", static_cast<int>(std::ceil(eta / 60))));
    }
  }
  std::string line = fmt::format("[{:>{}}/{}]", done, width, total);
  for (size_t i = 0; i < parts.size(); ++i) line += (i ? " · " : " ") + parts[i];
  return line;
}

void Progress::Update(size_t done, size_t failed) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  // \r to the line's start, the line, then erase what a longer line left.
  err_ << "\r" << Line(done, total_, failed, seconds, color_) << "\033[K" << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace brief
