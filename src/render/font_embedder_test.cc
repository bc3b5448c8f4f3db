#include "render/font_embedder.h"

#include <algorithm>
#include <limits>

#include <doctest/doctest.h>

#include "render/pdf_render.h"

using namespace brief;

TEST_CASE("embedding: ToUnicode maps glyph ids to UTF-16, surrogate pairs and ligatures included") {
  std::string cmap = ToUnicodeCMap({{3, "A"}, {4, "₽"}, {5, "😀"}, {6, "ffi"}});
  CHECK(cmap.find("4 beginbfchar\n<0003> <0041>\n<0004> <20BD>\n<0005> <D83DDE00>\n"
                  "<0006> <006600660069>\nendbfchar") != std::string::npos);
  std::vector<std::pair<uint32_t, std::string>> many;
  for (uint32_t i = 0; i < 150; ++i) many.push_back({i, "x"});
  std::string big = ToUnicodeCMap(many);
  CHECK(big.find("100 beginbfchar") != std::string::npos);  // At most 100 per block.
  CHECK(big.find("50 beginbfchar") != std::string::npos);
}

TEST_CASE("embedding: subset tags are six capitals, stable, and differ with the glyphs") {
  std::string a = SubsetTag("Inter", {65, 66});
  CHECK(a.size() == 6);
  CHECK(std::all_of(a.begin(), a.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  CHECK(a == SubsetTag("Inter", {65, 66}));
  CHECK(a != SubsetTag("Inter", {65, 67}));
}

TEST_CASE("embedding: URIs are percent-encoded outside printable ASCII") {
  CHECK(EncodeUri("https://example.com/a b") == "https://example.com/a%20b");
  CHECK(EncodeUri("https://пример.рф/") == "https://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84/");
  CHECK(EncodeUri("https://x.example/?q=1#top") == "https://x.example/?q=1#top");
}

TEST_CASE("render: geometry that is not finite or off the page is refused before drawing") {
  PageLayout page;
  CHECK(CheckGeometry(page, 595, 842) == "");
  page.items.rects.push_back({0, 0, 595, 100, {}});
  CHECK(CheckGeometry(page, 595, 842) == "");
  page.items.rects.push_back({10, 10, std::numeric_limits<double>::infinity(), 5, {}});
  CHECK(CheckGeometry(page, 595, 842) == "a rectangle has a coordinate that is not a number");
  page.items.rects.pop_back();
  TextItem far;
  far.x = 500;
  far.baseline = 400;
  far.width = 200;
  far.size = 8;
  page.items.texts.push_back(far);
  CHECK(CheckGeometry(page, 595, 842) ==
        "text at (500.0, 392.0) size 200.0 × 8.0 lies off the 595 × 842 page");
}
