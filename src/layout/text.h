// Measuring and line-breaking text with font fallback.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/font_metrics.h"

namespace brief {

// A piece of a line drawn in one face; width in points.
struct Run {
  int face = 0;
  std::string text;
  double width = 0;
};

// One line: its runs left to right and total width in points.
struct TextLine {
  std::vector<Run> runs;
  double width = 0;
};

// Replaces tabs, line ends and other white space (except the no-break space)
// with a single space, drops control characters and trims both ends.
std::string NormalizeSpaces(std::string_view text);

// Splits text into paragraphs at blank lines; each is normalized.
std::vector<std::string> Paragraphs(std::string_view text);

// Measures and breaks text. For each code point it uses the requested face,
// or else the first fallback face (2, 3, ...) that has the glyph; code points
// no face has are drawn with the requested face (they show as nothing) and
// reported to the caller.
class TextShaper {
 public:
  explicit TextShaper(const FontMetrics& metrics) : metrics_(metrics) {}

  const FontMetrics& metrics() const { return metrics_; }

  // Width in points of text set in `face` at `size`.
  double Width(std::string_view text, int face, double size) const;

  // The text as runs of one face each. Code points no face has are appended
  // to *missing (if not null).
  std::vector<Run> Runs(std::string_view text, int face, double size,
                        std::vector<int>* missing) const;

  // Greedy line breaking at spaces into lines no wider than max_width; a word
  // wider than max_width is broken between characters. Empty text gives no
  // lines.
  std::vector<TextLine> Wrap(std::string_view text, int face, double size, double max_width,
                             std::vector<int>* missing) const;

  // Ascent and descent in points (descent negative).
  double Ascent(int face, double size) const { return metrics_.Ascent(face) * size / 1000; }
  double Descent(int face, double size) const { return metrics_.Descent(face) * size / 1000; }

 private:
  // The face that draws cp when `face` is asked for, and its advance.
  int FaceFor(int cp, int face, int* advance) const;

  const FontMetrics& metrics_;
};

}  // namespace brief
