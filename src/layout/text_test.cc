#include "layout/text.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("text: wrapping at spaces keeps every line within the width") {
  FixedMetrics m(500);  // Every glyph 0.5 em: at 10 pt, 5 pt per character.
  TextShaper shaper(m);
  auto lines = shaper.Wrap("aaaa bbbb cccc", kRegular, 10, 50, nullptr);
  REQUIRE(lines.size() == 2);                 // "aaaa bbbb" is 45 pt, + " cccc" would be 70.
  CHECK(lines[0].width == doctest::Approx(45));
  CHECK(lines[0].runs[0].text == "aaaa bbbb");
  CHECK(lines[1].runs[0].text == "cccc");
  for (const TextLine& l : shaper.Wrap("a bb ccc dddd eeeee ffffff", kRegular, 10, 30, nullptr)) {
    CHECK(l.width <= 30);
  }
}

TEST_CASE("text: a word wider than the line is broken between characters") {
  FixedMetrics m(500);
  TextShaper shaper(m);
  auto lines = shaper.Wrap("abcdefghij", kRegular, 10, 20, nullptr);
  REQUIRE(lines.size() == 3);  // 4 + 4 + 2 characters of 5 pt.
  CHECK(lines[0].runs[0].text == "abcd");
  CHECK(lines[2].runs[0].text == "ij");
}

TEST_CASE("text: fallback faces draw what the main face lacks; the rest is reported") {
  FixedMetrics m(500, /*faces=*/3, /*missing=*/{0x263A});
  TextShaper shaper(m);
  std::vector<int> missing;
  auto runs = shaper.Runs("ab比亚c☺", kBold, 10, &missing);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].face == kBold);
  CHECK(runs[0].text == "ab");
  CHECK(runs[1].face == 2);
  CHECK(runs[1].text == "比亚");
  CHECK(runs[2].face == kBold);
  CHECK(missing == std::vector<int>{0x263A});
}

TEST_CASE("text: white space is normalized and paragraphs split at blank lines") {
  CHECK(NormalizeSpaces("  a\tb\n c\x01 d\xC2\xA0") == "a b c d\xC2\xA0");
  auto p = Paragraphs("one\ntwo\n\n  \nthree\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "one two");
  CHECK(p[1] == "three");
}
