#include "layout/timeline.h"

#include <algorithm>

#include <fmt/format.h>

namespace brief {

std::vector<double> PlaceLabels(const std::vector<double>& ideal, const std::vector<double>& heights,
                                double gap, double top, double bottom) {
  size_t n = ideal.size();
  std::vector<double> y(n);
  for (size_t i = 0; i < n; ++i) {
    y[i] = std::max(ideal[i], top);
    if (i > 0) y[i] = std::max(y[i], y[i - 1] + heights[i - 1] + gap);
  }
  for (size_t k = n; k-- > 0;) {
    double limit = k + 1 < n ? y[k + 1] - gap - heights[k] : bottom - heights[k];
    y[k] = std::min(y[k], limit);
  }
  for (size_t i = 0; i < n; ++i) {
    double floor = i == 0 ? top : y[i - 1] + heights[i - 1] + gap;
    y[i] = std::max(y[i], floor);
  }
  return y;
}

double TimeValue(const Date& d) {
  double t = d.year;
  if (d.month) t += (d.month - 1) / 12.0;
  if (d.day) t += (d.day - 1) / 365.0;
  return t;
}

double DrawTimeline(const LayoutContext& c, double x, double top, double width,
                    const std::vector<HistoryEvent>& events) {
  if (events.empty()) return 0;
  const double size = c.base();
  const double lh = c.LineHeight(size);
  const double marker_r = 2.6 * c.scale;
  const double axis_x = x + marker_r + 0.5;
  const double label_x = x + 16 * c.scale;       // Room for the leader lines.
  const double gap = lh * 0.25;
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

  // Wrapped once: the heights place the labels, the lines are drawn.
  std::vector<std::vector<TextLine>> texts;
  std::vector<double> heights;
  for (size_t i = 0; i < events.size(); ++i) {
    texts.push_back(c.Wrap(events[i].event, kRegular, size, text_width,
                           fmt::format("history[{}].event", i)));
    heights.push_back(std::max(lh, static_cast<double>(texts.back().size()) * lh));
  }
  double total = 0;
  for (double h : heights) total += h;
  total += gap * static_cast<double>(events.size() - 1);

  // The axis runs from the middle of the first label's first line (when
  // stacked) to the middle of the last label's first line:
  //   span = [top + lh/2, top + total - h_last + lh/2]
  // and marker i sits at its date's share of it:
  //   marker_y = span_top + (t - t0) / (t1 - t0) * (span_bottom - span_top).
  const double t0 = TimeValue(events.front().date), t1 = TimeValue(events.back().date);
  const double span_top = top + lh / 2;
  const double span_bottom = top + total - heights.back() + lh / 2;
  std::vector<double> marker_y, ideal;
  for (const HistoryEvent& e : events) {
    double share = t1 > t0 ? (TimeValue(e.date) - t0) / (t1 - t0) : 0;
    marker_y.push_back(span_top + share * (span_bottom - span_top));
    ideal.push_back(marker_y.back() - lh / 2);
  }
  std::vector<double> label_top = PlaceLabels(ideal, heights, gap, top, top + total);

  if (c.out) {
    c.out->lines.push_back({axis_x, span_top - lh * 0.4, axis_x, span_bottom + lh * 0.4,
                            Mix(c.tmpl.rule, c.tmpl.muted, 0.35), 1.4 * c.scale});
  }
  for (size_t i = 0; i < events.size(); ++i) {
    std::string path = fmt::format("history[{}]", i);
    double label_mid = label_top[i] + lh / 2;
    if (c.out) {
      // Leader: from the marker right, then slanting to the label's first line.
      double bend = axis_x + marker_r + 3 * c.scale;
      double end = label_x - 2 * c.scale;
      if (std::abs(label_mid - marker_y[i]) < 0.5) {
        c.out->lines.push_back({axis_x, marker_y[i], end, marker_y[i], c.tmpl.muted, 0.5 * c.scale});
      } else {
        c.out->lines.push_back({axis_x, marker_y[i], bend, marker_y[i], c.tmpl.muted, 0.5 * c.scale});
        c.out->lines.push_back({bend, marker_y[i], end, label_mid, c.tmpl.muted, 0.5 * c.scale});
      }
      if (i == 0 || marker_y[i] != marker_y[i - 1]) {
        ShapeItem dot;
        dot.cx = axis_x;
        dot.cy = marker_y[i];
        dot.r = marker_r;
        dot.fill_color = c.tmpl.accent;
        dot.stroke = true;
        dot.stroke_color = Color{1, 1, 1};
        dot.line_width = 0.8 * c.scale;
        c.out->shapes.push_back(dot);
      }
    }
    c.Label(label_x, label_top[i], date_width, dates[i], kBold, size, c.tmpl.accent, path + ".date");
    c.DrawLines(texts[i], text_x, label_top[i], text_width, size, c.tmpl.text);
  }
  return total;
}

}  // namespace brief
