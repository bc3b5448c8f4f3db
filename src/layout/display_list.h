// Layout's output: positioned drawing operations, in points, with y measured
// downward from the top edge of the page. The renderer flips y for PDF.
#pragma once

#include <string>
#include <vector>

#include "template/template.h"
#include "text/shaped_text.h"

namespace brief {

// One line of shaped text: x is the left edge, baseline the text's
// baseline, width what layout measured (the renderer does not re-measure).
// The runs are drawn left to right from x, each glyph at the pen plus its
// offset; `text` is what the line says, in logical order, for the PDF's
// text layer.
struct TextItem {
  double x = 0, baseline = 0, width = 0;
  double size = 0;
  Color color;
  std::string text;
  std::vector<GlyphRun> runs;
  std::vector<int> code_points;  // The paragraph's code points from `first` on, which the
  int first = 0;                 // glyphs' clusters index.
};

// A filled rectangle.
struct RectItem {
  double x = 0, y = 0, w = 0, h = 0;
  Color fill_color;
};

// A straight line.
struct LineItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  double width = 0.5;
  double dash = 0;  // Dash and gap length, rounded to whole points; 0: solid.
};

// A closed shape for markers: a circle (radius r) or a polygon.
struct ShapeItem {
  enum class Kind { kCircle, kPolygon } kind = Kind::kCircle;
  double cx = 0, cy = 0, r = 0;
  std::vector<double> points;  // x0, y0, x1, y1, ... for polygons
  bool fill = true;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  double line_width = 0.6;
};

// A clickable URI over a rectangle.
struct LinkItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;
};

// An image file scaled into a rectangle.
struct ImageItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::string path;
};

struct DisplayList {
  std::vector<RectItem> rects;    // Drawn first (backgrounds).
  std::vector<LineItem> lines;
  std::vector<ShapeItem> shapes;
  std::vector<ImageItem> images;
  std::vector<TextItem> texts;    // Drawn last.
  std::vector<LinkItem> links;
};

}  // namespace brief
