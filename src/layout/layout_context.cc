#include "layout/layout_context.h"

#include <algorithm>

namespace brief {

Color Mix(const Color& a, const Color& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

double LayoutContext::Baseline(double top, int face, double size) const {
  // Line box of height L = size × leading; glyphs span ascent - descent.
  // Centring that span in the box puts the baseline at
  //   top + L/2 + (ascent + descent)/2     (descent is negative).
  double ascent = shaper.Ascent(face, size), descent = shaper.Descent(face, size);
  return top + LineHeight(size) / 2 + (ascent + descent) / 2;
}

void LayoutContext::NoteMissing(const std::vector<int>& cps, const std::string& path) const {
  if (!missing || path == kComposed) return;
  for (int cp : cps) {
    MissingGlyph m{path, cp};
    if (std::find(missing->begin(), missing->end(), m) == missing->end()) missing->push_back(m);
  }
}

void LayoutContext::CheckGlyphs(const std::string& text, int face, const std::string& path) const {
  if (!missing) return;
  std::vector<int> missing_cps;
  shaper.Line(text, face, base(), &missing_cps);
  NoteMissing(missing_cps, path);
}

void LayoutContext::DrawLine(const TextLine& line, double x, double top, double size,
                             Color color) const {
  if (!out || line.runs.empty()) return;
  out->texts.push_back({x, Baseline(top, line.face, size), line.width, size, color, line.text,
                        line.runs, line.code_points, line.first});
}

std::vector<TextLine> LayoutContext::Wrap(const std::string& text, int face, double size,
                                          double width, const std::string& path) const {
  std::vector<int> missing_cps;
  std::vector<TextLine> lines = shaper.Wrap(text, face, size, width, &missing_cps);
  NoteMissing(missing_cps, path);
  return lines;
}

double LayoutContext::DrawLines(const std::vector<TextLine>& lines, double x, double top,
                                double width, double size, Color color, Align align) const {
  double y = top;
  if (align == Align::kStart) align = !lines.empty() && lines.front().rtl ? Align::kRight : Align::kLeft;
  for (const TextLine& line : lines) {
    double lx = align == Align::kRight    ? x + width - line.width
                : align == Align::kCenter ? x + (width - line.width) / 2
                                          : x;
    DrawLine(line, lx, y, size, color);
    y += LineHeight(size);
  }
  return y - top;
}

double LayoutContext::Paragraph(double x, double top, double width, const std::string& text,
                                int face, double size, Color color, const std::string& path,
                                Align align) const {
  return DrawLines(Wrap(text, face, size, width, path), x, top, width, size, color, align);
}

double LayoutContext::LinkedParagraph(double x, double top, double width, const std::string& text,
                                      int face, double size, Color color, const std::string& path,
                                      const std::string& uri, Align align) const {
  std::vector<TextLine> lines = Wrap(text, face, size, width, path);
  double h = DrawLines(lines, x, top, width, size, color, align);
  if (out && !uri.empty()) {
    if (align == Align::kStart) align = !lines.empty() && lines.front().rtl ? Align::kRight : Align::kLeft;
    double y = top;
    for (const TextLine& line : lines) {
      double lx = align == Align::kRight    ? x + width - line.width
                  : align == Align::kCenter ? x + (width - line.width) / 2
                                            : x;
      out->links.push_back({lx, y, line.width, LineHeight(size), uri});
      y += LineHeight(size);
    }
  }
  return h;
}

double LayoutContext::Label(double x, double top, double width, const std::string& text, int face,
                            double size, Color color, const std::string& path, Align align) const {
  std::vector<int> missing_cps;
  TextLine line = shaper.Line(text, face, size, &missing_cps);
  NoteMissing(missing_cps, path);
  double lx = align == Align::kRight    ? x + width - line.width
              : align == Align::kCenter ? x + (width - line.width) / 2
                                        : x;
  DrawLine(line, lx, top, size, color);
  return line.width;
}

double LayoutContext::Heading(double x, double top, double width, const std::string& title) const {
  double size = heading();
  Label(x, top, width, title, kBold, size, tmpl.accent, "");
  double rule_y = top + LineHeight(size) + size * 0.1;
  if (out) out->lines.push_back({x, rule_y, x + width, rule_y, tmpl.accent, 0.8 * scale});
  return rule_y - top + Pad();
}

}  // namespace brief
