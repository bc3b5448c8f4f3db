#include "layout/table.h"

#include <algorithm>
#include <numeric>

namespace brief {

namespace {

double CellPadding(const LayoutContext& c) { return c.base() * 0.45; }

double HeaderSize(const LayoutContext& c) { return c.small(); }

}  // namespace

std::vector<double> ColumnWidths(const LayoutContext& c, double width,
                                 const std::vector<TableColumn>& columns,
                                 const std::vector<std::vector<TableCell>>& rows) {
  size_t n = columns.size();
  double pad = 2 * CellPadding(c);
  std::vector<double> natural(n), minimum(n), word_minimum(n);
  for (size_t i = 0; i < n; ++i) {
    natural[i] = c.shaper.Width(columns[i].header, kBold, HeaderSize(c));
    minimum[i] = c.shaper.MinWidth(columns[i].header, kBold, HeaderSize(c));
    for (const auto& row : rows) {
      natural[i] = std::max(natural[i], c.shaper.Width(row[i].text, row[i].face, c.base()));
      minimum[i] = std::max(minimum[i], c.shaper.MinWidth(row[i].text, row[i].face, c.base()));
    }
    natural[i] += pad;
    minimum[i] += pad;
    word_minimum[i] = minimum[i];
    if (!columns[i].wraps) minimum[i] = natural[i];
  }
  double total = std::accumulate(natural.begin(), natural.end(), 0.0);
  double wrap_natural = 0, fixed = 0;
  for (size_t i = 0; i < n; ++i) (columns[i].wraps ? wrap_natural : fixed) += natural[i];
  std::vector<double> widths = natural;
  if (total <= width) {
    double spare = width - total;
    for (size_t i = 0; i < n; ++i) {
      if (wrap_natural > 0) {
        if (columns[i].wraps) widths[i] += spare * natural[i] / wrap_natural;
      } else {
        widths[i] += spare / static_cast<double>(n);
      }
    }
    return widths;
  }
  double left = width - fixed;
  if (wrap_natural > 0 && left > 0) {
    // Share `left` among wrapping columns by natural width, honouring minima:
    // columns that would fall below their minimum are pinned to it and the
    // rest re-shared.
    std::vector<bool> pinned(n, false);
    for (int round = 0; round < static_cast<int>(n); ++round) {
      double share_total = 0, pinned_sum = 0;
      for (size_t i = 0; i < n; ++i) {
        if (!columns[i].wraps) continue;
        (pinned[i] ? pinned_sum : share_total) += pinned[i] ? minimum[i] : natural[i];
      }
      bool changed = false;
      for (size_t i = 0; i < n; ++i) {
        if (!columns[i].wraps) continue;
        widths[i] = pinned[i] ? minimum[i]
                              : (left - pinned_sum) * natural[i] / std::max(share_total, 1e-9);
        if (!pinned[i] && widths[i] < minimum[i]) {
          pinned[i] = true;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
  double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
  if (sum > width) {
    // Too wide with every word whole and the short columns on one line:
    // the short columns wrap at their spaces first ("140 of" over "1,000"),
    // each giving up the same fraction of what it can,
    //   width_i -= (natural_i - word_minimum_i) · min(1, excess / giveable),
    // before any word is broken.
    double giveable = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!columns[i].wraps) giveable += widths[i] - word_minimum[i];
    }
    if (giveable > 0) {
      double share = std::min(1.0, (sum - width) / giveable);
      for (size_t i = 0; i < n; ++i) {
        if (!columns[i].wraps) widths[i] -= (widths[i] - word_minimum[i]) * share;
      }
      sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    }
  }
  if (sum > width + 1e-9) {
    // Still too wide (a word longer than the table allows): the widest
    // columns give way, down to a common cap c with
    //   sum over columns of min(width_i, c) = width,
    // so narrow columns keep their words whole and only the longest words
    // break. With the widths sorted, w_0 <= ... <= w_(n-1), c lies between
    // w_(k-1) and w_k for the first k where
    //   w_0 + ... + w_(k-1) + (n - k) * w_k >= width.
    std::vector<double> sorted = widths;
    std::sort(sorted.begin(), sorted.end());
    double below = 0, cap = width / static_cast<double>(n);
    for (size_t k = 0; k < n; ++k) {
      if (below + static_cast<double>(n - k) * sorted[k] >= width) {
        cap = (width - below) / static_cast<double>(n - k);
        break;
      }
      below += sorted[k];
    }
    for (double& w : widths) w = std::min(w, cap);
  }
  return widths;
}

double DrawTable(const LayoutContext& c, double x, double top, double width,
                 const std::vector<TableColumn>& columns,
                 const std::vector<std::vector<TableCell>>& rows) {
  std::vector<double> widths = ColumnWidths(c, width, columns, rows);
  double pad = CellPadding(c);
  double y = top;
  // Header row: small bold muted text, a rule below.
  double header_height = 0;
  double cx = x;
  for (size_t i = 0; i < columns.size(); ++i) {
    header_height = std::max(header_height,
                             c.Paragraph(cx + pad, y, widths[i] - 2 * pad, columns[i].header, kBold,
                                         HeaderSize(c), c.tmpl.muted, "", columns[i].align));
    cx += widths[i];
  }
  y += header_height + pad * 0.4;
  if (c.out) c.out->lines.push_back({x, y, x + width, y, c.tmpl.muted, 0.6 * c.scale});
  y += pad * 0.5;
  for (size_t r = 0; r < rows.size(); ++r) {
    double row_height = 0;
    cx = x;
    for (size_t i = 0; i < columns.size(); ++i) {
      const TableCell& cell = rows[r][i];
      Color color = cell.muted ? c.tmpl.muted : c.tmpl.text;
      double h = c.LinkedParagraph(cx + pad, y, widths[i] - 2 * pad, cell.text, cell.face, c.base(),
                                   color, cell.path, cell.link, columns[i].align);
      row_height = std::max(row_height, h);
      cx += widths[i];
    }
    y += row_height + pad * 0.5;
    if (r + 1 < rows.size() && c.out) {
      c.out->lines.push_back({x, y, x + width, y, c.tmpl.rule, 0.4 * c.scale});
    }
    y += pad * 0.5;
  }
  return y - top;
}

}  // namespace brief
