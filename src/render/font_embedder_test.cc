#include "render/font_embedder.h"

#include <algorithm>

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
