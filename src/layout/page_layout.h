// layout: Brief + Template + font metrics → one page of positioned items.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_context.h"
#include "model/brief.h"
#include "template/template.h"

namespace brief {

// Pixel size of the logo image (0 when there is none).
struct ImageSize {
  int width = 0, height = 0;
};

struct LayoutInput {
  const Brief& brief;
  const Template& tmpl;
  const TextShaper& shaper;
  ImageSize logo;
  std::string generator;  // Footer credit, e.g. "brief 0.1.0".
};

// A section that does not fit: its name and by how many points it runs past
// the bottom of its column.
struct Overflow {
  std::string section;
  double points = 0;
};

struct PageLayout {
  double scale = 1;                 // Multiplier applied to every type size.
  DisplayList items;
  std::vector<MissingGlyph> missing;
  std::vector<Overflow> overflows;  // Empty when everything fits.
  // Where each placed section landed: name, x, top, width, height.
  struct Box {
    std::string section;
    double x, top, width, height;
  };
  std::vector<Box> boxes;
};

// Lays the page out at one scale, recording overflows instead of failing.
PageLayout LayoutAtScale(const LayoutInput& in, double scale);

// The largest scale in [minimum / base, 1] at which nothing overflows,
// found by bisection to 1/1000 (content height only grows as type grows).
// When even the minimum overflows, returns the layout at the minimum scale
// with its overflows filled in.
PageLayout FitPage(const LayoutInput& in);

// "history (12.5 pt), partnerships (40.0 pt)".
std::string DescribeOverflows(const std::vector<Overflow>& overflows);

}  // namespace brief
