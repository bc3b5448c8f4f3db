#include "layout/timeline.h"

#include <algorithm>

#include <fmt/format.h>

namespace brief {

double TimeValue(const Date& d) {
  double t = d.year;
  if (d.month) t += (d.month - 1) / 12.0;
  if (d.day) t += (d.day - 1) / 365.0;
  return t;
}

bool IsLongGap(const Date& a, const Date& b) { return TimeValue(b) - TimeValue(a) > kLongGapYears; }

double DrawTimeline(const LayoutContext& c, double x, double top, double width,
                    const std::vector<HistoryEvent>& events) {
  if (events.empty()) return 0;
  const double size = c.base();
  const double lh = c.LineHeight(size);
  const double marker_r = 2.6 * c.scale;
  const double axis_x = x + marker_r + 0.5;
  const double label_x = axis_x + marker_r + size * 0.7;
  const double gap = lh * 0.3;
  const double break_gap = lh * 0.45;  // Added before an event after a long gap.
  // Date column: as wide as the widest date.
  std::vector<std::string> dates;
  double date_width = 0;
  for (const HistoryEvent& e : events) {
    dates.push_back(ShortDate(e.date));
    date_width = std::max(date_width, c.shaper.Width(dates.back(), kBold, size));
  }
  const double date_gap = size * 0.7;
  const double text_x = label_x + date_width + date_gap;
  const double text_width = std::max(x + width - text_x, size * 4);

  // Row i starts at
  //   row_top[i] = top + Σ_{k<i} (h[k] + gap) + break_gap · #{k ≤ i : long gap before k}
  // and its marker sits at the middle of its first line, row_top[i] + lh/2,
  // so every dot is on its own label's row and nothing has to connect them.
  std::vector<double> row_top(events.size());
  std::vector<std::vector<TextLine>> texts;
  double y = top;
  for (size_t i = 0; i < events.size(); ++i) {
    if (i > 0 && IsLongGap(events[i - 1].date, events[i].date)) y += break_gap;
    row_top[i] = y;
    texts.push_back(c.Wrap(events[i].event, kRegular, size, text_width,
                           fmt::format("history[{}].event", i)));
    y += std::max(lh, static_cast<double>(texts.back().size()) * lh);
    if (i + 1 < events.size()) y += gap;
  }
  const double total = y - top;

  if (c.out) {
    // The axis joins consecutive markers: solid, or dashed across a long gap
    // in time (the rows are evenly spaced; the dash says "time passes here").
    Color axis = Mix(c.tmpl.rule, c.tmpl.muted, 0.35);
    for (size_t i = 0; i + 1 < events.size(); ++i) {
      LineItem segment{axis_x, row_top[i] + lh / 2, axis_x, row_top[i + 1] + lh / 2, axis,
                       1.4 * c.scale};
      if (IsLongGap(events[i].date, events[i + 1].date)) {
        segment.dash = 2;
        segment.width = 1.1 * c.scale;
      }
      c.out->lines.push_back(segment);
    }
  }
  for (size_t i = 0; i < events.size(); ++i) {
    std::string path = fmt::format("history[{}]", i);
    if (c.out) {
      ShapeItem dot;
      dot.cx = axis_x;
      dot.cy = row_top[i] + lh / 2;
      dot.r = marker_r;
      dot.fill_color = c.tmpl.accent;
      dot.stroke = true;
      dot.stroke_color = Color{1, 1, 1};
      dot.line_width = 0.8 * c.scale;
      c.out->shapes.push_back(dot);
    }
    c.Label(label_x, row_top[i], date_width, dates[i], kBold, size, c.tmpl.accent, path + ".date");
    c.DrawLines(texts[i], text_x, row_top[i], text_width, size, c.tmpl.text);
  }
  return total;
}

}  // namespace brief
