#include "layout/timeline.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("timeline: labels are placed without overlap, in order, inside the span") {
  // 14 labels that all want the same spot (several events in one year).
  std::vector<double> ideal(14, 50), heights(14, 10);
  std::vector<double> y = PlaceLabels(ideal, heights, 2, 0, 14 * 10 + 13 * 2);
  for (size_t i = 1; i < y.size(); ++i) CHECK(y[i] >= y[i - 1] + heights[i - 1] + 2 - 1e-9);
  CHECK(y.front() >= 0);
  CHECK(y.back() + heights.back() <= 14 * 10 + 13 * 2 + 1e-9);
}

TEST_CASE("timeline: a label with room stays at its ideal place") {
  std::vector<double> y = PlaceLabels({0, 40, 100}, {10, 10, 10}, 2, 0, 200);
  CHECK(y == std::vector<double>{0, 40, 100});
  // Pushed up from the bottom when the last ones crowd the end.
  std::vector<double> z = PlaceLabels({0, 95, 95}, {10, 10, 10}, 2, 0, 110);
  CHECK(z[2] == doctest::Approx(100));
  CHECK(z[1] == doctest::Approx(88));
}

TEST_CASE("timeline: time values order dates of mixed precision") {
  CHECK(TimeValue({2022, 0, 0}) < TimeValue({2022, 5, 0}));
  CHECK(TimeValue({2022, 5, 0}) < TimeValue({2022, 5, 16}));
  CHECK(TimeValue({2022, 12, 31}) < TimeValue({2023, 0, 0}));
}

TEST_CASE("timeline: drawn labels never overlap, even for 14 events in one year") {
  FixedMetrics metrics(500);
  TextShaper shaper(metrics);
  Template tmpl;
  DisplayList out;
  LayoutContext c{tmpl, shaper, 1.0, &out, nullptr};
  std::vector<HistoryEvent> events;
  for (int i = 0; i < 14; ++i) {
    events.push_back({Date{2004, i < 12 ? i + 1 : 12, i < 12 ? 0 : 10 + i},
                      "An event with a label long enough to wrap onto a second line"});
  }
  double h = DrawTimeline(c, 0, 100, 200, events);
  CHECK(h > 0);
  // Text lines: each item's vertical extent; items on different rows must not intersect.
  for (size_t a = 0; a < out.texts.size(); ++a) {
    for (size_t b = a + 1; b < out.texts.size(); ++b) {
      const TextItem& p = out.texts[a];
      const TextItem& q = out.texts[b];
      bool x_overlap = p.x < q.x + q.width && q.x < p.x + p.width;
      bool y_overlap = std::abs(p.baseline - q.baseline) < p.size * 0.9;
      CHECK_FALSE((x_overlap && y_overlap));
    }
    CHECK(out.texts[a].x + out.texts[a].width <= 200 + 1e-6);
    CHECK(out.texts[a].baseline <= 100 + h);
  }
}
