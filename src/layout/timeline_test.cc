#include "layout/timeline.h"

#include <doctest/doctest.h>

using namespace brief;

namespace {

// Draws `events` into a fresh display list, 200 points wide from y = 100.
struct Drawn {
  FixedMetrics metrics{500};
  TextShaper shaper{metrics};
  Template tmpl;
  DisplayList out;
  double height = 0;
  explicit Drawn(const std::vector<HistoryEvent>& events) {
    LayoutContext c{tmpl, shaper, 1.0, &out, nullptr};
    height = DrawTimeline(c, 0, 100, 200, events);
  }
  double line_height() const { return tmpl.size_base * tmpl.leading; }
};

// Events clustered as real briefs have them: one long gap, then several in
// consecutive years and three in one year.
std::vector<HistoryEvent> Clustered() {
  return {{Date{1927, 0, 0}, "Founded"},
          {Date{2021, 0, 0}, "An event with a label long enough to wrap onto a second line"},
          {Date{2023, 0, 0}, "Another"},
          {Date{2024, 3, 0}, "Three"},
          {Date{2024, 5, 0}, "events in"},
          {Date{2024, 5, 0}, "one year, two on the same month"}};
}

}  // namespace

TEST_CASE("timeline: time values order dates of mixed precision") {
  CHECK(TimeValue({2022, 0, 0}) < TimeValue({2022, 5, 0}));
  CHECK(TimeValue({2022, 5, 0}) < TimeValue({2022, 5, 16}));
  CHECK(TimeValue({2022, 12, 31}) < TimeValue({2023, 0, 0}));
  CHECK(IsLongGap({1927, 0, 0}, {2021, 0, 0}));
  CHECK_FALSE(IsLongGap({2016, 0, 0}, {2021, 0, 0}));
}

TEST_CASE("timeline: every event has its own dot on its label's first line") {
  Drawn d(Clustered());
  // Dates are the bold texts in the date column, in order; each dot sits at
  // the vertical middle of its date's line box, so the distance between a
  // dot and its label's row is the same fixed offset for every event.
  std::vector<const TextItem*> dates;
  for (const TextItem& t : d.out.texts) {
    if (t.x < 30) dates.push_back(&t);
  }
  REQUIRE(dates.size() == 6);
  REQUIRE(d.out.shapes.size() == 6);
  double offset = d.out.shapes[0].cy - dates[0]->baseline;
  for (size_t i = 0; i < 6; ++i) {
    CHECK(d.out.shapes[i].cy - dates[i]->baseline == doctest::Approx(offset));
    CHECK(std::abs(offset) < d.line_height() / 2);
    if (i > 0) CHECK(d.out.shapes[i].cy - d.out.shapes[i - 1].cy >= 2 * d.out.shapes[i].r);
  }
}

TEST_CASE("timeline: no connecting line crosses another or leaves the axis") {
  Drawn d(Clustered());
  REQUIRE(d.out.lines.size() == 5);  // One segment between each pair of dots.
  for (size_t i = 0; i < d.out.lines.size(); ++i) {
    const LineItem& l = d.out.lines[i];
    CHECK(l.x1 == l.x2);                      // Vertical, on the axis.
    CHECK(l.x1 == d.out.shapes[0].cx);
    CHECK(l.y1 == doctest::Approx(d.out.shapes[i].cy));
    CHECK(l.y2 == doctest::Approx(d.out.shapes[i + 1].cy));
  }
  // Only the 94-year gap is dashed, and it has more room than the others.
  CHECK(d.out.lines[0].dash > 0);
  for (size_t i = 1; i < d.out.lines.size(); ++i) CHECK(d.out.lines[i].dash == 0);
  double long_gap = d.out.shapes[1].cy - d.out.shapes[0].cy;
  double short_gap = d.out.shapes[3].cy - d.out.shapes[2].cy;
  CHECK(long_gap > short_gap);
}

TEST_CASE("timeline: drawn labels never overlap, even for 14 events in one year") {
  std::vector<HistoryEvent> events;
  for (int i = 0; i < 14; ++i) {
    events.push_back({Date{2004, i < 12 ? i + 1 : 12, i < 12 ? 0 : 10 + i},
                      "An event with a label long enough to wrap onto a second line"});
  }
  Drawn d(events);
  CHECK(d.height > 0);
  CHECK(d.out.shapes.size() == 14);
  for (size_t a = 0; a < d.out.texts.size(); ++a) {
    for (size_t b = a + 1; b < d.out.texts.size(); ++b) {
      const TextItem& p = d.out.texts[a];
      const TextItem& q = d.out.texts[b];
      bool x_overlap = p.x < q.x + q.width && q.x < p.x + p.width;
      bool y_overlap = std::abs(p.baseline - q.baseline) < p.size * 0.9;
      CHECK_FALSE((x_overlap && y_overlap));
    }
    CHECK(d.out.texts[a].x + d.out.texts[a].width <= 200 + 1e-6);
    CHECK(d.out.texts[a].baseline <= 100 + d.height);
  }
}
