// Shared state and drawing primitives for laying out one page at one scale.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "text/text_shaper.h"
#include "template/template.h"

namespace brief {

// A code point no font could draw, and the brief field it appears in.
struct MissingGlyph {
  std::string path;
  int code_point = 0;
  bool operator==(const MissingGlyph&) const = default;
};

// kStart: left, or right for a paragraph that reads right to left (its
// lines then start at the right edge, where it is read from).
enum class Align { kLeft, kRight, kCenter, kStart };

// One layout pass: the template's sizes multiplied by `scale`, items
// appended to `out`. All coordinates in points, y downward from the page top.
struct LayoutContext {
  const Template& tmpl;
  const TextShaper& shaper;
  double scale;
  DisplayList* out;
  std::vector<MissingGlyph>* missing;

  // Type sizes at this scale.
  double base() const { return tmpl.size_base * scale; }
  double small() const { return tmpl.size_small * scale; }
  double heading() const { return tmpl.size_heading * scale; }
  double title() const { return tmpl.size_title * scale; }
  // Line height for a type size.
  double LineHeight(double size) const { return size * tmpl.leading; }
  // Vertical space between sections, and inside them.
  double SectionGap() const { return base() * 1.5; }
  double Pad() const { return base() * 0.6; }

  // Baseline of a line whose box starts at `top`: the text is centred in
  // the line box using the face's ascent and descent.
  double Baseline(double top, int face, double size) const;

  // Draws one line of runs with its left edge at x.
  void DrawLine(const TextLine& line, double x, double top, double size, Color color) const;

  // Text broken into lines no wider than `width`. `path` names the brief
  // field for missing-glyph warnings.
  std::vector<TextLine> Wrap(const std::string& text, int face, double size, double width,
                             const std::string& path) const;

  // Draws lines from `top`, aligned within [x, x + width]; returns their
  // height (lines × line height).
  double DrawLines(const std::vector<TextLine>& lines, double x, double top, double width,
                   double size, Color color, Align align = Align::kStart) const;

  // Wrap, then DrawLines.
  double Paragraph(double x, double top, double width, const std::string& text, int face,
                   double size, Color color, const std::string& path,
                   Align align = Align::kStart) const;

  // Paragraph, with a link to `uri` over each drawn line's own text (its
  // measured width and line box), not over the whole column.
  double LinkedParagraph(double x, double top, double width, const std::string& text, int face,
                         double size, Color color, const std::string& path, const std::string& uri,
                         Align align = Align::kStart) const;

  // Draws a single unwrapped line aligned within [x, x + width]; returns its width.
  double Label(double x, double top, double width, const std::string& text, int face, double size,
               Color color, const std::string& path, Align align = Align::kLeft) const;

  // A section heading with a rule under it; returns its height including the
  // space below.
  double Heading(double x, double top, double width, const std::string& title) const;

  // Records missing glyphs for a field; nothing for kComposed, text whose
  // fields were checked one by one (CheckGlyphs).
  void NoteMissing(const std::vector<int>& cps, const std::string& path) const;

  // Records the characters of `text` (a field at `path`) that no face has,
  // without drawing it: for fields drawn composed into one line.
  void CheckGlyphs(const std::string& text, int face, const std::string& path) const;

  // The path of composed text (see NoteMissing).
  static constexpr const char* kComposed = "\x01composed";
};

// A colour between a and b (t = 0 gives a, 1 gives b).
Color Mix(const Color& a, const Color& b, double t);

}  // namespace brief
