#include "layout/table.h"

#include <numeric>

#include <doctest/doctest.h>

using namespace brief;

namespace {

struct Fixture {
  FixedMetrics metrics{500};
  TextShaper shaper{metrics};
  Template tmpl;
  LayoutContext context{tmpl, shaper, 1.0, nullptr, nullptr};
};

std::vector<std::vector<TableCell>> Rows(std::vector<std::vector<std::string>> texts) {
  std::vector<std::vector<TableCell>> rows;
  for (auto& r : texts) {
    std::vector<TableCell> row;
    for (auto& t : r) row.push_back({t, kRegular, false, "", ""});
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("table: spare width goes to the wrapping column, widths fill the table") {
  Fixture f;
  std::vector<TableColumn> cols = {{"Year", Align::kLeft, false}, {"List", Align::kLeft, true}};
  auto widths = ColumnWidths(f.context, 300, cols, Rows({{"2006", "Forbes"}}));
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == doctest::Approx(300));
  double pad = 2 * f.tmpl.size_base * 0.45;
  CHECK(widths[0] == doctest::Approx(4 * 0.5 * f.tmpl.size_base + pad));  // "Year"/"2006" natural.
  CHECK(widths[1] > widths[0]);
}

TEST_CASE("table: when content is too wide, fixed columns keep their width and wrapping ones shrink, never below their longest word") {
  Fixture f;
  std::vector<TableColumn> cols = {{"Rank", Align::kRight, false}, {"List", Align::kLeft, true}};
  std::string long_text = "Forbes largest private companies in Russia by revenue in the year";
  auto widths = ColumnWidths(f.context, 120, cols, Rows({{"69", long_text}}));
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == doctest::Approx(120));
  double longest_word = 7 * 0.5 * f.tmpl.size_base;  // "largest", "private", "revenue"
  CHECK(widths[1] >= longest_word);
  // Wrapped rows grow taller, not wider.
  DisplayList out;
  LayoutContext drawing{f.tmpl, f.shaper, 1.0, &out, nullptr};
  double h = DrawTable(drawing, 0, 0, 120, cols, Rows({{"69", long_text}}));
  CHECK(h > 3 * drawing.LineHeight(f.tmpl.size_base));
  for (const TextItem& t : out.texts) CHECK(t.x + t.width <= 120 + 1e-6);
}

TEST_CASE("table: a word longer than the table breaks in its own column, short words stay whole") {
  Fixture f;
  std::vector<TableColumn> cols = {{"Partner", Align::kLeft, true},
                                   {"Kind", Align::kLeft, false},
                                   {"Scope", Align::kLeft, true}};
  std::string word(60, 'x');  // 60 characters: wider than the whole table.
  auto widths = ColumnWidths(f.context, 150, cols, Rows({{"Volkswagen", "Supply", word}}));
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == doctest::Approx(150));
  double pad = 2 * f.tmpl.size_base * 0.45;
  CHECK(widths[0] == doctest::Approx(10 * 0.5 * f.tmpl.size_base + pad));  // "Volkswagen" whole.
  auto roomy = ColumnWidths(f.context, 1000, cols, Rows({{"Volkswagen", "Supply", "x"}}));
  CHECK(widths[1] == doctest::Approx(roomy[1]));  // "Supply" at its natural width.
  CHECK(widths[2] < 60 * 0.5 * f.tmpl.size_base);
}

TEST_CASE("table: short columns wrap at their spaces before a long word is broken") {
  Fixture f;
  std::vector<TableColumn> cols = {{"R", Align::kRight, false}, {"List", Align::kLeft, true}};
  const double b = f.tmpl.size_base, pad = 2 * b * 0.45, em = 0.5 * b;
  // "140 of 1,000" needs 12 em on one line, "1,000" 5; "Melhores" 8. The
  // table has room for 6 + 8 em: both words whole, the rank on two lines.
  double width = 14 * em + 2 * pad;
  auto widths = ColumnWidths(f.context, width, cols, Rows({{"140 of 1,000", "Melhores"}}));
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == doctest::Approx(width));
  CHECK(widths[1] >= 8 * em + pad - 1e-9);
  CHECK(widths[0] >= 5 * em + pad - 1e-9);
  CHECK(widths[0] < 12 * em + pad);
}
