// The text stage's interface to layout: measured, breakable lines of shaped
// glyphs. Each distinct (text, face) is shaped once and kept, so laying a
// page out at several type sizes shapes nothing twice.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/font_metrics.h"
#include "text/shaped_text.h"

namespace brief {

// One line of text, ready to draw.
struct TextLine {
  std::vector<GlyphRun> runs;  // Left to right; advances in 1/1000 em.
  std::string text;            // What it says, in logical order (drawn characters only).
  std::vector<int> code_points;  // Code points [first, first + size) of its paragraph, which
  int first = 0;                 // the runs' glyph clusters index.
  double width = 0;            // Points, at the size it was made for.
  int face = 0;                // The face asked for: its ascent and descent place the line.
  bool rtl = false;            // Its paragraph reads right to left.
};

// Shapes, measures and breaks text. Not thread-safe (it caches): use one per
// thread or per brief; the FontMetrics behind it may be shared.
class TextShaper {
 public:
  explicit TextShaper(const FontMetrics& metrics) : metrics_(metrics) {}

  const FontMetrics& metrics() const { return metrics_; }

  // Width in points of text set in `face` at `size` on one line.
  double Width(std::string_view text, int face, double size) const;

  // Width in points of the widest piece of text between two line-break
  // opportunities: the narrowest a column can be without breaking a word.
  double MinWidth(std::string_view text, int face, double size) const;

  // The text on one line, however wide. Code points no face has are
  // appended to *missing (if not null) and not drawn.
  TextLine Line(std::string_view text, int face, double size, std::vector<int>* missing) const;

  // Lines no wider than max_width, broken at UAX #14 opportunities (greedy);
  // a word wider than max_width is broken between clusters. Empty text
  // gives no lines.
  std::vector<TextLine> Wrap(std::string_view text, int face, double size, double max_width,
                             std::vector<int>* missing) const;

  // Ascent and descent in points (descent negative).
  double Ascent(int face, double size) const { return metrics_.Ascent(face) * size / 1000; }
  double Descent(int face, double size) const { return metrics_.Descent(face) * size / 1000; }

 private:
  const ShapedParagraph& Shaped(std::string_view text, int face) const;
  TextLine MakeLine(const ShapedParagraph& p, int a, int b, double size) const;

  const FontMetrics& metrics_;
  mutable std::unordered_map<std::string, ShapedParagraph> cache_;  // face byte + text
};

}  // namespace brief
