// The history timeline: one row per event (date, then text), each with its
// marker on a vertical axis at the middle of the row's first line. Rows are
// evenly spaced; a long gap in time adds space and dashes the axis there.
#pragma once

#include <vector>

#include "layout/layout_context.h"
#include "model/brief.h"

namespace brief {

// A date as a point on a continuous time axis, in years (2022-05 → 2022.33).
double TimeValue(const Date& d);

// Years between two consecutive events above which the axis is dashed.
constexpr double kLongGapYears = 5;

// True when more than kLongGapYears pass from a to b.
bool IsLongGap(const Date& a, const Date& b);

// Draws the timeline for events (in date order) into [x, x + width] from
// `top`; returns the height used.
double DrawTimeline(const LayoutContext& c, double x, double top, double width,
                    const std::vector<HistoryEvent>& events);

}  // namespace brief
