// Page geometry with the real templates and fonts: everything inside the
// page, no text on top of other text, shrink-to-fit and overflow reports.
#include "layout/page_layout.h"
#include "layout/headline.h"
#include "layout/sections.h"

#include <algorithm>
#include <cmath>
#include <map>
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

namespace {

// The items of one laid-out section, by name.
const PageLayout::Box* FindBox(const PageLayout& page, const std::string& section) {
  for (const PageLayout::Box& b : page.boxes) {
    if (b.section == section) return &b;
  }
  return nullptr;
}

// Texts whose baseline lies inside a section's box.
std::vector<const TextItem*> TextsIn(const PageLayout& page, const PageLayout::Box& box) {
  std::vector<const TextItem*> out;
  for (const TextItem& t : page.items.texts) {
    if (t.x >= box.x - 0.01 && t.x < box.x + box.width && t.baseline > box.top &&
        t.baseline <= box.top + box.height + 0.01) {
      out.push_back(&t);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("page: nothing said twice: the as-of date, the founding year and each company fact appear once") {
  for (const char* name : {"classic", "compact"}) {
    Prepared p = Prepare(name);
    for (const char* file : {"briefs/avtotor.yaml", "tests/briefs/valid/full.yaml"}) {
      INFO(file << " with " << name);
      Brief b = Load(file);
      PageLayout page = FitPage({b, p.tmpl, *p.shaper, {}, "brief test"});
      // Each fact about the company is said in one place: the sub-title
      // (industry, headquarters), the strip or the facts box (ownership, website).
      auto count = [&](const std::string& needle) {
        int n = 0;
        for (const TextItem& t : page.items.texts) n += t.text.find(needle) != std::string::npos;
        return n;
      };
      CHECK(count(b.company.industry) == 1);
      CHECK(count(b.company.headquarters) == 1);
      CHECK(count(b.company.ownership) == 1);
      if (!b.company.website.empty()) CHECK(count("nordlicht.example/en") == 1);
      int as_of = 0, founded = 0;
      for (const TextItem& t : page.items.texts) {
        as_of += t.text.find("as of") != std::string::npos || t.text.find("As of") != std::string::npos;
        founded += t.text == "Founded" || t.text.find("Founded " + std::to_string(b.company.founded)) != std::string::npos;
      }
      CHECK(as_of == 1);
      CHECK(founded == 1);
    }
  }
}

TEST_CASE("page: the headline strip leads with the latest figures and their change") {
  Brief b = Load("tests/briefs/valid/dense.yaml");
  std::vector<HeadlineCell> cells = HeadlineCells(b);
  REQUIRE(cells.size() == 4);
  CHECK(cells[0].value == "1998");
  CHECK(cells[1].value == "≈€970 mn");
  CHECK(cells[1].label == "Revenue 2023");
  CHECK(cells[1].change == "");  // An estimate gets no change.
  CHECK(cells[2].value == "22 of 100");
  CHECK(cells[2].change == "▲ 13 vs 2020");
  CHECK(cells[2].trend == 1);
  CHECK(cells[3].key == "ownership");
  Brief full = Load("tests/briefs/valid/full.yaml");
  cells = HeadlineCells(full);
  REQUIRE(cells.size() == kHeadlineCells);
  CHECK(cells[3].key == "volume");
  CHECK(cells[3].value == "≈21,000");
  CHECK(cells[4].value == "18,400");
  // Ownership did not fit among the five: the facts box shows it.
  CHECK_FALSE(HeadlineShows(full, "ownership"));
  int trend = 0;
  CHECK(PercentChange(4.0, 4.35, &trend) == "▲ 8.7%");
  CHECK(trend == 1);
  CHECK(PercentChange(200, 100, &trend) == "▼ 50%");
  CHECK(trend == -1);
  CHECK(PercentChange(7, 7, &trend) == "= 0%");
  CHECK(FormatCount(1234567) == "1.2 mn");
  CHECK(RankOf({2024, "Global 2000", 140, 1000}) == "140 of 1,000");
  // A change skips an estimate between two exact years and names the year
  // it is measured from.
  Brief gap = full;
  gap.revenue = {{2019, 100e6, "EUR", false, ""}, {2020, 120e6, "EUR", true, ""}, {2021, 150e6, "EUR", false, ""}};
  cells = HeadlineCells(gap);
  REQUIRE(cells.size() > 1);
  CHECK(cells[1].change == "▲ 50% vs 2019");
  // Ownership that is a phrase goes to the facts box, not the strip.
  Brief owned = Load("tests/briefs/valid/dense.yaml");
  CHECK(HeadlineShows(owned, "ownership"));
  owned.company.ownership = "Held 51% by the founding family through a trust, 49% by institutional investors";
  CHECK_FALSE(HeadlineShows(owned, "ownership"));
  cells = HeadlineCells(full);
  // On the page every value sits on one line, in one row, above its label.
  Prepared p = Prepare("classic");
  PageLayout page = FitPage({full, p.tmpl, *p.shaper, {}, "brief test"});
  std::vector<double> baselines;
  for (const HeadlineCell& cell : cells) {
    auto it = std::find_if(page.items.texts.begin(), page.items.texts.end(),
                           [&](const TextItem& t) { return t.text == cell.value; });
    REQUIRE_MESSAGE(it != page.items.texts.end(), cell.value);
    baselines.push_back(it->baseline);
  }
  for (double y : baselines) CHECK(y == doctest::Approx(baselines[0]));
}

TEST_CASE("page: the revenue chart draws only currencies with a trend, latest bar strongest") {
  Prepared p = Prepare("classic");
  // Avtotor: one EUR and one RUB figure, so no bars at all.
  Brief a = Load("briefs/avtotor.yaml");
  PageLayout page = FitPage({a, p.tmpl, *p.shaper, {}, "brief test"});
  const PageLayout::Box* box = FindBox(page, "revenue");
  REQUIRE(box != nullptr);
  auto bars = [&](const PageLayout& pg, const PageLayout::Box& bx) {
    std::vector<RectItem> out;
    for (const RectItem& r : pg.items.rects) {
      if (r.x > bx.x && r.y > bx.top && r.y < bx.top + bx.height && r.h < 10) out.push_back(r);
    }
    return out;
  };
  CHECK(bars(page, *box).empty());
  // Dense: five EUR years drawn, the SEK figure alone is not.
  Brief d = Load("tests/briefs/valid/dense.yaml");
  page = FitPage({d, p.tmpl, *p.shaper, {}, "brief test"});
  box = FindBox(page, "revenue");
  REQUIRE(box != nullptr);
  std::vector<RectItem> drawn = bars(page, *box);
  REQUIRE(drawn.size() == 5);
  for (const RectItem& r : drawn) CHECK(r.x == doctest::Approx(drawn[0].x));  // One baseline.
  CHECK(drawn[4].fill_color == p.tmpl.accent);
  for (size_t i = 0; i < 4; ++i) CHECK_FALSE(drawn[i].fill_color == p.tmpl.accent);
  // The 2021 bar (€660 mn) is 660/970 of the 2023 one (the largest).
  CHECK(drawn[2].w / drawn[4].w == doctest::Approx(660.0 / 970.0));
  std::vector<std::string> changes;
  for (const TextItem* t : TextsIn(page, *box)) {
    if (t->text.find("%") != std::string::npos) changes.push_back(t->text);
  }
  CHECK(changes == std::vector<std::string>{"▼ 21%", "▲ 38%", "▲ 23%"});  // Not to the ≈ 2023 figure.
  // Across an estimate or a gap, a change names the year it is from.
  d.revenue = {{2010, 100e6, "EUR", false, ""}, {2022, 120e6, "EUR", true, ""}, {2023, 500e6, "EUR", false, ""}};
  page = FitPage({d, p.tmpl, *p.shaper, {}, "brief test"});
  box = FindBox(page, "revenue");
  REQUIRE(box != nullptr);
  changes.clear();
  for (const TextItem* t : TextsIn(page, *box)) {
    if (t->text.find("%") != std::string::npos) changes.push_back(t->text);
  }
  CHECK(changes == std::vector<std::string>{"▲ 400% vs 2010"});
}

TEST_CASE("page: disruption statuses differ in colour, and none takes the callout's") {
  Template t;
  Prepared p = Prepare("classic");
  std::set<std::tuple<double, double, double>> colors;
  for (const Color& c : {p.tmpl.ongoing, p.tmpl.partial, p.tmpl.resolved, p.tmpl.callout_border}) {
    colors.insert({c.r, c.g, c.b});
  }
  CHECK(colors.size() == 4);
  // Their lightness (Rec. 709 luma) differs too, so greyscale keeps them apart.
  auto luma = [](const Color& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  CHECK(std::abs(luma(p.tmpl.ongoing) - luma(p.tmpl.partial)) > 0.08);
  CHECK(std::abs(luma(p.tmpl.partial) - luma(p.tmpl.resolved)) > 0.04);
  Brief full = Load("tests/briefs/valid/full.yaml");
  PageLayout page = FitPage({full, p.tmpl, *p.shaper, {}, "brief test"});
  bool resolved = false, ongoing = false;
  for (const TextItem& item : page.items.texts) {
    if (item.text == "RESOLVED") resolved = item.color == p.tmpl.resolved;
    if (item.text == "ONGOING") ongoing = item.color == p.tmpl.ongoing;
  }
  CHECK(resolved);
  CHECK(ongoing);
  // A disruption without a status is drawn in the neutral grey, not in a
  // status colour or the callout's.
  CHECK(DisruptionColor(p.tmpl, DisruptionStatus::kNone) == p.tmpl.muted);
}

TEST_CASE("page: a long name shrinks to two title lines, and an empty column gives up its width") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/valid/minimal.yml");
  PageLayout page = FitPage({b, p.tmpl, *p.shaper, {}, "brief test"});
  std::vector<const TextItem*> title;
  for (const TextItem& t : page.items.texts) {
    if (t.text.rfind("Ккк", 0) == 0 || t.text.rfind("ккк", 0) == 0) title.push_back(&t);
  }
  REQUIRE(title.size() == 2);
  CHECK(title[0]->size < p.tmpl.size_title * page.scale);
  CHECK(title[0]->size >= p.tmpl.size_title * page.scale * 0.6);
  // The sub-title keeps its distance below the second line.
  for (const TextItem& t : page.items.texts) {
    if (t.text.find("Software") == 0) CHECK(t.baseline - title[1]->baseline > title[1]->size);
  }
  // Compact: the sidebar (facts, people, roadmap, rankings) has nothing for
  // the CJK brief, so the main column takes the full width.
  Prepared compact = Prepare("compact");
  Brief cjk = Load("tests/briefs/valid/cjk.yaml");
  page = FitPage({cjk, compact.tmpl, *compact.shaper, {}, "brief test"});
  const PageLayout::Box* summary = FindBox(page, "summary");
  REQUIRE(summary != nullptr);
  CHECK(summary->x == doctest::Approx(compact.tmpl.margin_left));
  CHECK(summary->width == doctest::Approx(compact.tmpl.page_width - compact.tmpl.margin_left - compact.tmpl.margin_right));
}

TEST_CASE("page: short content grows the type up to the template's maximum, and still fits") {
  Prepared p = Prepare("classic");
  Brief b = Load("tests/briefs/valid/minimal.yml");
  PageLayout page = FitPage({b, p.tmpl, *p.shaper, {}, "brief test"});
  CHECK(page.overflows.empty());
  CHECK(page.scale == doctest::Approx(p.tmpl.size_maximum / p.tmpl.size_base));
  Brief a = Load("briefs/avtotor.yaml");
  page = FitPage({a, p.tmpl, *p.shaper, {}, "brief test"});
  CHECK(page.overflows.empty());
  CHECK(page.scale > 1.0);
  CHECK(page.scale <= p.tmpl.size_maximum / p.tmpl.size_base + 1e-9);
  // The room is used: a few percent more type would not fit.
  if (page.scale < p.tmpl.size_maximum / p.tmpl.size_base - 0.03) {
    CHECK_FALSE(LayoutAtScale({a, p.tmpl, *p.shaper, {}, "brief test"}, page.scale + 0.03).overflows.empty());
  }
  CheckGeometry(page, p.tmpl, "avtotor grown");
}
