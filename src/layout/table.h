// Tables whose column widths come from their content.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_context.h"

namespace brief {

struct TableColumn {
  std::string header;
  Align align = Align::kStart;
  bool wraps = false;   // May break into lines; others keep their natural width.
};

struct TableCell {
  std::string text;
  int face = kRegular;
  bool muted = false;
  std::string path;     // Brief field, for missing-glyph warnings.
  std::string link;     // Optional URI over the cell text.
};

// Column widths for a table `width` wide. Each column's natural width is its
// widest cell or header on one line plus padding. If the naturals fit, the
// wrapping columns share the spare width in proportion to their naturals;
// otherwise non-wrapping columns keep their natural width and the wrapping
// ones share what is left in proportion to their naturals (never less than
// their longest word). If even that does not fit, the widest columns are
// capped at a common width that makes the table fit, so only the longest
// words break.
std::vector<double> ColumnWidths(const LayoutContext& c, double width,
                                 const std::vector<TableColumn>& columns,
                                 const std::vector<std::vector<TableCell>>& rows);

// Draws a table with a header row, thin rules between rows and cell text
// wrapped within its column; returns the height used.
double DrawTable(const LayoutContext& c, double x, double top, double width,
                 const std::vector<TableColumn>& columns,
                 const std::vector<std::vector<TableCell>>& rows);

}  // namespace brief
