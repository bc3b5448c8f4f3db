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

// A column whose sections do not fit: the first section that runs past the
// bottom, by how much the column's content does (points, and lines of body
// type at the layout's scale), and the sections after it in that column,
// which move up as it is cut.
struct Overflow {
  int column = -1;  // Index into the template's columns (-1: header and sources).
  std::string section;
  double points = 0;
  int lines = 0;
  double section_height = 0;       // Of `section`, heading included.
  std::vector<std::string> after;  // Later sections of the column.
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
  double bottom = 0;  // Where the columns must end (above the footer).
};

// Lays the page out at one scale, recording overflows instead of failing.
PageLayout LayoutAtScale(const LayoutInput& in, double scale);

// The largest scale in [minimum / base, 1] at which nothing overflows,
// found by bisection to 1/1000 (content height only grows as type grows).
// When even the minimum overflows, returns the layout at the minimum scale
// with its overflows filled in. When scale 1 fits and the template has a
// type maximum, the type grows towards it while the page fits (see Grow in
// page_layout.cc: at most two more layouts).
PageLayout FitPage(const LayoutInput& in);

// What an author would cut, in the brief's own terms: "about 4 lines too
// many in its column: cut 2 of the 20 history events, or 1 of the 2
// ev_roadmap milestones". For each list section of the overflowing column
// the smallest number of items (taken from the end) whose removal makes the
// column fit at the minimum type size is found by bisection over layouts
// (what fits only grows as items go); the summary is estimated in
// characters from its share of lines.
std::string DescribeOverflow(const Overflow& overflow, const LayoutInput& in);

}  // namespace brief
