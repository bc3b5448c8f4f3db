// The headline strip: the 3-6 figures a tear sheet opens with, in a row
// under the header, built from data already in the brief.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_context.h"
#include "model/brief.h"

namespace brief {

// One figure: a big value, an optional change beside it, a small label
// under it. `trend` is +1 for a change for the better, -1 for worse, 0 for
// none or no change.
struct HeadlineCell {
  std::string key;     // What it shows: founded, revenue, rank, volume, employees, ownership.
  std::string value;   // "≈₽249.7 bn"
  std::string change;  // "▲ 12% vs 2020" or ""
  int trend = 0;
  std::string label;   // "Revenue 2021"
  std::string path;    // Brief field of free text in value or label, for glyph checks.
  std::string text;    // That field's text.
};

// At most this many cells; later ones are left to the facts box.
constexpr size_t kHeadlineCells = 5;

// Ownership longer than this many characters ("State-owned", "Private",
// "Geely Holding 78%, Volvo Cars 22%") is a phrase, not a figure: it goes to
// the facts box, where it wraps at body size, instead of the strip.
constexpr size_t kHeadlineOwnership = 36;

// The cells for a brief, in order: founded; latest revenue with its change
// from the last exact earlier year in the same currency; latest ranking
// with its change on the same list; latest volume (delivered, else
// produced) with its change from the last exact earlier year; employees;
// ownership when it is short. At most kHeadlineCells. A change needs two
// exact figures: one from an estimate (≈) would claim a precision the
// estimate does not have (a partial year is written as one). A change
// always names the year it is measured from ("vs 2021").
std::vector<HeadlineCell> HeadlineCells(const Brief& b);

// True when the strip shows the cell `key` ("ownership", ...) for `b`.
bool HeadlineShows(const Brief& b, const std::string& key);

// "▲ 12%" from `before` to `after` (one decimal under 10 %), "= 0%" for no change.
std::string PercentChange(double before, double after, int* trend);

// A count as printed: "3,500", "1.2 mn", "10.0 bn".
std::string FormatCount(long long n);

// Draws the strip across [x, x + width] from `top`; returns its height
// including the space below it (0 when the template has none).
double DrawHeadline(const LayoutContext& c, const Brief& b, double x, double top, double width);

}  // namespace brief
