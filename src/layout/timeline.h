// The history timeline: a vertical time axis with a marker per event at its
// date, and labels stacked beside it that never overlap.
#pragma once

#include <vector>

#include "layout/layout_context.h"
#include "model/brief.h"

namespace brief {

// Places labels with the given heights as close as possible to their ideal
// tops (ascending), with at least `gap` between consecutive labels and all
// inside [top, bottom] when they fit there:
//   forward:  y[i] = max(ideal[i], top, y[i-1] + h[i-1] + gap)
//   backward: y[i] = min(y[i], y[i+1] - gap - h[i]), y[last] <= bottom - h[last]
// then forward once more so the first label stays at or below `top`.
std::vector<double> PlaceLabels(const std::vector<double>& ideal, const std::vector<double>& heights,
                                double gap, double top, double bottom);

// A date as a point on a continuous time axis, in years (2022-05 → 2022.33).
double TimeValue(const Date& d);

// Draws the timeline for events (in date order) into [x, x + width] from
// `top`; returns the height used.
double DrawTimeline(const LayoutContext& c, double x, double top, double width,
                    const std::vector<HistoryEvent>& events);

}  // namespace brief
