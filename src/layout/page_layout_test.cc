// Page geometry with the real templates and fonts: everything inside the
// page, no text on top of other text, shrink-to-fit and overflow reports.
#include "layout/page_layout.h"
#include "layout/sections.h"

#include <cmath>
#include <set>
#include <tuple>

#include <doctest/doctest.h>

#include "fonts/font_set.h"
#include "template/load_template.h"
#include "validate/check_brief.h"

using namespace brief;

namespace {

struct Prepared {
  Template tmpl;
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<TextShaper> shaper;
};

Prepared Prepare(const std::string& name) {
  DiskFileSystem disk;
  std::vector<Diagnostic> diagnostics;
  auto t = LoadTemplateFile(disk, "templates/" + name + ".yaml", &diagnostics);
  REQUIRE(t.has_value());
  Prepared p{*t, nullptr, nullptr};
  std::string error;
  p.fonts = FontSet::ForTemplate(p.tmpl, "fonts", &error);
  REQUIRE_MESSAGE(p.fonts != nullptr, error);
  p.shaper = std::make_unique<TextShaper>(*p.fonts);
  return p;
}

Brief Load(const std::string& file) {
  DiskFileSystem disk;
  BriefCheck check = CheckBriefFile(disk, file, false);
  REQUIRE_MESSAGE(check.brief.has_value(), file);
  return *check.brief;
}

void CheckGeometry(const PageLayout& page, const Template& t, const std::string& what) {
  INFO(what);
  for (const TextItem& a : page.items.texts) {
    CHECK(a.x >= t.margin_left - 0.01);
    CHECK(a.x + a.width <= t.page_width - t.margin_right + 0.01);
    CHECK(a.baseline - a.size >= 0);
    CHECK(a.baseline <= t.page_height - t.margin_bottom + 0.01);
  }
  // No two text runs share ink: overlapping horizontally and closer
  // vertically than 0.9 of the smaller size.
  const auto& texts = page.items.texts;
  int overlaps = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t k = i + 1; k < texts.size(); ++k) {
      const TextItem& a = texts[i];
      const TextItem& b = texts[k];
      bool x = a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01;
      bool y = std::abs(a.baseline - b.baseline) < std::min(a.size, b.size) * 0.9;
      if (x && y) {
        ++overlaps;
        MESSAGE("overlap: '" << a.text << "' and '" << b.text << "'");
      }
    }
  }
  CHECK(overlaps == 0);
  // Section boxes in one column do not overlap each other.
  for (size_t i = 0; i < page.boxes.size(); ++i) {
    for (size_t k = i + 1; k < page.boxes.size(); ++k) {
      const auto& a = page.boxes[i];
      const auto& b = page.boxes[k];
      if (a.x != b.x) continue;
      CHECK((a.top + a.height <= b.top + 0.01 || b.top + b.height <= a.top + 0.01));
    }
  }
}

}  // namespace

TEST_CASE("page: every sample brief fits both templates with nothing overlapping") {
  for (const char* name : {"classic", "compact"}) {
    Prepared p = Prepare(name);
    for (const char* file : {"briefs/avtotor.yaml", "tests/briefs/valid/full.yaml",
                             "tests/briefs/valid/dense.yaml", "tests/briefs/valid/cjk.yaml",
                             "tests/briefs/valid/minimal.yml"}) {
      Brief b = Load(file);
      LayoutInput in{b, p.tmpl, *p.shaper, {60, 30}, "brief test"};
      PageLayout page = FitPage(in);
      CHECK_MESSAGE(page.overflows.empty(), file << " with " << name);
      CHECK(page.scale >= p.tmpl.size_minimum / p.tmpl.size_base);
      CHECK(page.missing.empty());
      CheckGeometry(page, p.tmpl, std::string(file) + " with " + name);
    }
  }
}

TEST_CASE("page: content that does not fit at full size shrinks, but not below the minimum") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/valid/dense.yaml");
  // Make the history long enough that it cannot fit at the base size.
  for (int i = 0; i < 12; ++i) {
    b.history.push_back({Date{2023, 0, 0}, "Another event of the same year that needs a line or two of text"});
  }
  LayoutInput in{b, p.tmpl, *p.shaper, {}, "brief test"};
  CHECK_FALSE(LayoutAtScale(in, 1.0).overflows.empty());
  PageLayout page = FitPage(in);
  CHECK(page.overflows.empty());
  CHECK(page.scale < 1.0);
  CHECK(page.scale >= p.tmpl.size_minimum / p.tmpl.size_base);
  // Bisection lands within 0.001 of the largest scale that fits.
  CHECK_FALSE(LayoutAtScale(in, page.scale + 0.002).overflows.empty());
  CheckGeometry(page, p.tmpl, "dense + 12 events");
}

TEST_CASE("page: a brief that cannot fit reports each overflowing section and by how much") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/render/stress.yaml");
  LayoutInput in{b, p.tmpl, *p.shaper, {}, "brief test"};
  PageLayout page = FitPage(in);
  REQUIRE_FALSE(page.overflows.empty());
  CHECK(page.scale == doctest::Approx(p.tmpl.size_minimum / p.tmpl.size_base));
  // One overflow per column, at its first section that runs past the page.
  // The header, the headline strip and 20 sources leave too little room, too.
  REQUIRE(page.overflows.size() == 3);
  CHECK(page.overflows[0].column == -1);
  CHECK(page.overflows[0].section == "header and sources");
  CHECK(page.overflows[1].section == "summary");
  CHECK(page.overflows[1].after == std::vector<std::string>{"disruptions", "revenue", "rankings", "partnerships"});
  CHECK(page.overflows[2].section == "facts");
  for (const Overflow& o : page.overflows) {
    CHECK(o.points > 0);
    // Lines of body type at the minimum size: leading × minimum.
    CHECK(o.lines == static_cast<int>(std::ceil(o.points / (p.tmpl.size_minimum * p.tmpl.leading) - 0.05)));
  }
  CHECK(DescribeOverflow(page.overflows[2], in).find("about " + std::to_string(page.overflows[2].lines) +
                                                     " lines too many in its column") == 0);
  CHECK(DescribeOverflow(page.overflows[0], in) == "about 1 line too many in its column: cut 1 of the 20 sources");
}

TEST_CASE("page: the overflow's estimate is what cutting takes: 12 of 70 events, and 11 are too few") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/render/long-history.yaml");
  LayoutInput in{b, p.tmpl, *p.shaper, {}, "brief test"};
  PageLayout page = FitPage(in);
  REQUIRE(page.overflows.size() == 1);
  CHECK(page.overflows[0].section == "history");
  CHECK(page.overflows[0].after.empty());
  CHECK(DescribeOverflow(page.overflows[0], in) == "about 15 lines too many in its column: cut 12 of the 70 history events");
  Brief cut = b;
  cut.history.resize(70 - 12);
  CHECK(FitPage({cut, p.tmpl, *p.shaper, {}, "brief test"}).overflows.empty());
  cut.history = b.history;
  cut.history.resize(70 - 11);
  CHECK_FALSE(FitPage({cut, p.tmpl, *p.shaper, {}, "brief test"}).overflows.empty());
}

TEST_CASE("page: missing glyphs are reported with the field they are in") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/render/emoji.yaml");
  LayoutInput in{b, p.tmpl, *p.shaper, {}, "brief test"};
  PageLayout page = FitPage(in);
  REQUIRE(page.missing.size() == 2);  // The emoji comes from the symbol fallback.
  CHECK(page.missing[0] == MissingGlyph{"company.name", 0x13000});
  CHECK(page.missing[1] == MissingGlyph{"company.name", 0x1E2C0});
}

TEST_CASE("page: each roadmap status draws a different shape, and the cancelled cross is bold") {
  Prepared p = Prepare("classic");
  std::set<std::tuple<size_t, size_t, int, bool, bool>> seen;
  for (MilestoneStatus s : {MilestoneStatus::kPlanned, MilestoneStatus::kInProgress, MilestoneStatus::kDone,
                            MilestoneStatus::kDelayed, MilestoneStatus::kCancelled}) {
    DisplayList out;
    LayoutContext c{p.tmpl, *p.shaper, 1.0, &out, nullptr};
    StatusMarker(c, s, 10, 10, 3);
    bool filled = false, polygon = false;
    for (const ShapeItem& shape : out.shapes) {
      filled |= !(shape.fill_color == Color{1, 1, 1});
      polygon |= shape.kind == ShapeItem::Kind::kPolygon;
    }
    // What tells them apart in greyscale: how many shapes and lines, which
    // kind, and whether anything is filled.
    CHECK(seen.insert({out.shapes.size(), out.lines.size(), polygon ? 1 : 0, filled, out.shapes.empty()}).second);
    if (s == MilestoneStatus::kCancelled) {
      REQUIRE(out.lines.size() == 2);
      CHECK(out.shapes.empty());
      for (const LineItem& l : out.lines) {
        CHECK(l.width >= 1.2);              // Visible at 100 %: a hairline cross was not.
        CHECK(std::abs(l.x2 - l.x1) >= 3);  // As wide as the other markers.
      }
    }
  }
  CHECK(seen.size() == 5);
}
