#include "layout/headline.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/utf8.h"
#include "layout/sections.h"
#include "model/currency.h"
#include "text/unicode.h"

namespace brief {

std::string PercentChange(double before, double after, int* trend) {
  double pct = (after / before - 1) * 100;
  std::string digits = std::abs(pct) < 9.95 ? fmt::format("{:.1f}", std::abs(pct))
                                            : fmt::format("{:.0f}", std::abs(pct));
  if (digits == "0.0") {
    *trend = 0;
    return "= 0%";
  }
  *trend = pct > 0 ? 1 : -1;
  return (pct > 0 ? "▲ " : "▼ ") + digits + "%";
}

std::string FormatCount(long long n) {
  if (n >= 999'950'000) return ScaledNumber(static_cast<double>(n), 1e9) + " bn";
  if (n >= 1'000'000) return ScaledNumber(static_cast<double>(n), 1e6) + " mn";
  return GroupThousands(n);
}

std::vector<HeadlineCell> HeadlineCells(const Brief& b) {
  std::vector<HeadlineCell> cells;
  const Company& co = b.company;
  cells.push_back({"founded", std::to_string(co.founded), "", 0, "Founded", "", ""});
  if (!b.revenue.empty()) {
    // Lists are in year order: the latest is last; ties keep file order, so
    // the first entry of the latest year is the author's main currency.
    size_t latest = b.revenue.size() - 1;
    while (latest > 0 && b.revenue[latest - 1].year == b.revenue.back().year) --latest;
    const Revenue& r = b.revenue[latest];
    HeadlineCell cell{"revenue", (r.approximate ? "≈" : "") + FormatMoney(r.amount, r.currency),
                      "", 0, fmt::format("Revenue {}", r.year), "", ""};
    for (size_t k = latest; k-- > 0 && !r.approximate;) {
      if (b.revenue[k].currency != r.currency || b.revenue[k].year == r.year) continue;
      if (b.revenue[k].approximate) continue;
      cell.change = PercentChange(b.revenue[k].amount, r.amount, &cell.trend) +
                    fmt::format(" vs {}", b.revenue[k].year);
      break;
    }
    cells.push_back(cell);
  }
  if (!b.rankings.empty()) {
    size_t latest = b.rankings.size() - 1;
    while (latest > 0 && b.rankings[latest - 1].year == b.rankings.back().year) --latest;
    const Ranking& r = b.rankings[latest];
    HeadlineCell cell{"rank", r.of ? RankOf(r) : "No. " + GroupThousands(r.rank),
                      "", 0, fmt::format("{}, {}", Isolate(r.list), r.year),
                      fmt::format("rankings[{}].list", latest), r.list};
    for (size_t k = latest; k-- > 0;) {
      if (b.rankings[k].list != r.list || b.rankings[k].year == r.year) continue;
      // Rank 1 is best: a smaller number is a rise.
      int64_t delta = b.rankings[k].rank - r.rank;
      cell.trend = delta > 0 ? 1 : delta < 0 ? -1 : 0;
      cell.change = delta == 0 ? fmt::format("unchanged vs {}", b.rankings[k].year)
                               : fmt::format("{} {} vs {}", delta > 0 ? "▲" : "▼",
                                             GroupThousands(delta > 0 ? delta : -delta), b.rankings[k].year);
      break;
    }
    cells.push_back(cell);
  }
  if (!b.volumes.empty()) {
    const Volume& v = b.volumes.back();
    bool delivered = v.delivered > 0;
    long long n = delivered ? v.delivered : v.produced;
    HeadlineCell cell{"volume", (v.approximate ? "≈" : "") + FormatCount(n), "", 0,
                      fmt::format("{} {}", delivered ? "Units delivered" : "Units produced", v.year), "", ""};
    for (size_t k = b.volumes.size() - 1; k-- > 0 && !v.approximate;) {
      long long before = delivered ? b.volumes[k].delivered : b.volumes[k].produced;
      if (before <= 0) continue;
      if (b.volumes[k].approximate) continue;
      cell.change = PercentChange(static_cast<double>(before), static_cast<double>(n), &cell.trend) +
                    fmt::format(" vs {}", b.volumes[k].year);
      break;
    }
    cells.push_back(cell);
  }
  if (co.employees > 0) {
    cells.push_back({"employees", FormatCount(co.employees), "", 0, "Employees", "", ""});
  }
  if (!co.ownership.empty() && CountCodePoints(co.ownership) <= kHeadlineOwnership) {
    cells.push_back({"ownership", co.ownership, "", 0, "Ownership", "company.ownership", co.ownership});
  }
  if (cells.size() > kHeadlineCells) cells.resize(kHeadlineCells);
  return cells;
}

bool HeadlineShows(const Brief& b, const std::string& key) {
  for (const HeadlineCell& cell : HeadlineCells(b)) {
    if (cell.key == key) return true;
  }
  return false;
}

double DrawHeadline(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (!c.tmpl.headline) return 0;
  std::vector<HeadlineCell> cells = HeadlineCells(b);
  const double small = c.small();
  const double pad = c.base() * 0.9;  // Between a rule and the cell's text.
  // Cells keep the width of a full strip when there are few of them, so a
  // short brief's figures stay together at the left.
  const double cell_w = width / static_cast<double>(std::max<size_t>(cells.size(), 4));
  // One value size for the strip: 1.75 × body, or less, down to 1.25 ×, so
  // that every figure's value fits its cell on one line,
  //   size = min(1.75 · base, min over figures of size₀ · inner / width₀);
  // a text value (ownership) too long even then wraps in body type.
  const double full = c.base() * 1.75;
  double value_size = full;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].key == "ownership") continue;
    double inner = cell_w - (i ? pad : 0) - pad;
    double w = c.shaper.Width(cells[i].value, kBold, full);
    if (w > inner) value_size = std::min(value_size, full * inner / w * 0.999);
  }
  value_size = std::max(value_size, c.base() * 1.25);
  // Every value starts on the same line; labels wrap under their value.
  double bottom = top;
  for (size_t i = 0; i < cells.size(); ++i) {
    const HeadlineCell& cell = cells[i];
    double left = x + cell_w * static_cast<double>(i) + (i ? pad : 0);
    double inner = cell_w - (i ? pad : 0) - pad;
    std::string value_path = cell.key == "ownership" ? cell.path : "";
    double y = top;
    double value_w = c.shaper.Width(cell.value, kBold, value_size);
    double change_w = cell.change.empty() ? 0 : c.shaper.Width(cell.change, kBold, small) + small * 0.5;
    Color change_color = cell.trend > 0 ? c.tmpl.resolved : cell.trend < 0 ? c.tmpl.ongoing : c.tmpl.muted;
    if (value_w + change_w <= inner) {
      c.Label(left, y, value_w, cell.value, kBold, value_size, c.tmpl.text, value_path);
      if (!cell.change.empty()) {
        double shift = c.Baseline(y, kBold, value_size) - c.Baseline(y, kBold, small);
        c.Label(left + value_w + small * 0.5, y + shift, change_w, cell.change, kBold, small,
                change_color, "");
      }
      y += c.LineHeight(value_size);
    } else if (value_w <= inner) {
      // The change goes under a value that fills the cell.
      c.Label(left, y, value_w, cell.value, kBold, value_size, c.tmpl.text, value_path);
      y += c.LineHeight(value_size);
      y += c.Paragraph(left, y, inner, cell.change, kBold, small, change_color, "");
    } else {
      // A value too long for the big size (ownership as a phrase): body type, wrapped.
      y += c.Paragraph(left, y, inner, cell.value, kBold, c.base(), c.tmpl.text, value_path);
      if (!cell.change.empty()) {
        y += c.Paragraph(left, y, inner, cell.change, kBold, small, change_color, "");
      }
    }
    if (!cell.path.empty() && cell.key != "ownership") c.CheckGlyphs(cell.text, kRegular, cell.path);
    y += c.Paragraph(left, y, inner, cell.label, kRegular, small, c.tmpl.muted,
                     cell.path.empty() ? "" : LayoutContext::kComposed);
    bottom = std::max(bottom, y);
  }
  if (c.out) {
    Color rule = c.tmpl.rule;
    for (size_t i = 1; i < cells.size(); ++i) {
      double rx = x + cell_w * static_cast<double>(i);
      c.out->lines.push_back({rx, top + small * 0.2, rx, bottom - small * 0.2, rule, 0.6 * c.scale});
    }
    double ry = bottom + c.base() * 0.7;
    c.out->lines.push_back({x, ry, x + width, ry, rule, 0.6 * c.scale});
  }
  return bottom - top + c.base() * 0.7 + c.SectionGap();
}

}  // namespace brief
