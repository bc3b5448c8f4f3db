// One paragraph of text itemized and shaped once: split into runs by
// bidirectional level, script and font (fallback), each run shaped with the
// paragraph around it as context. Lines are cut from it without shaping
// again, except where HarfBuzz marks a cut unsafe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_metrics.h"

namespace brief {

// Glyphs of one face at one bidirectional level: code points [start, end)
// of the paragraph, glyphs in visual order.
struct GlyphRun {
  int face = 0;
  uint8_t level = 0;
  uint32_t script = 0;     // HB_SCRIPT_* it was shaped as.
  bool embolden = false;   // Bold was asked for but the face is not bold: draw it heavier.
  int start = 0, end = 0;
  std::vector<Glyph> glyphs;

  // Sum of the glyphs' advances, 1/1000 em.
  double Advance() const;
};

struct ShapedParagraph {
  std::string text;                 // The paragraph, spaces normalized, UTF-8.
  std::vector<int> code_points;
  std::vector<uint32_t> offsets;    // Byte offset of each code point in text, then text.size().
  int face = 0;                     // The face asked for.
  uint8_t base_level = 0;           // 1 when the paragraph reads right to left.
  std::vector<GlyphRun> runs;       // Logical order.
  std::vector<double> advance;      // Per code point: the advance of the cluster it starts.
  std::vector<double> prefix;       // prefix[i]: sum of advance[0, i); size + 1 entries.
  std::vector<uint8_t> breaks;      // A line may start at code point i (UAX #14).
  std::vector<uint8_t> cluster_start;  // Code point i starts a cluster: a last-resort break.
  std::vector<uint8_t> drawn;       // 0 for code points no face has (not drawn).
  std::vector<int> missing;         // Those code points, each once, in text order.

  // Advance of code points [a, b), 1/1000 em.
  double Width(int a, int b) const { return prefix[static_cast<size_t>(b)] - prefix[static_cast<size_t>(a)]; }
  // b moved back over spaces (trailing spaces hang outside a line).
  int TrimEnd(int a, int b) const;
};

// Normalizes `text` (NormalizeSpaces) and shapes it in `face` with its
// fallbacks.
ShapedParagraph ShapeParagraph(const FontMetrics& metrics, std::string_view text, int face);

// One line: code points [a, b) of a paragraph, as runs in visual order (left
// to right). Runs cut where HarfBuzz marks a break unsafe are shaped again.
std::vector<GlyphRun> LineRuns(const FontMetrics& metrics, const ShapedParagraph& p, int a, int b);

// The code points of [a, b) that are drawn, as UTF-8 in logical order: what
// copying the line gives.
std::string DrawnText(const ShapedParagraph& p, int a, int b);

// Replaces tabs, line ends and other white space (except the no-break
// spaces) with a single space, drops control characters and trims both ends.
std::string NormalizeSpaces(std::string_view text);

// Splits text into paragraphs at blank lines; each is normalized.
std::vector<std::string> Paragraphs(std::string_view text);

}  // namespace brief
