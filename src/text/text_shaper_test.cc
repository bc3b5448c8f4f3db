#include "text/text_shaper.h"

#include <doctest/doctest.h>

#include "base/utf8.h"

using namespace brief;

namespace {

// The line's glyphs left to right, as text (FixedMetrics' glyph id is the
// code point).
std::string Drawn(const TextLine& line) {
  std::string s;
  for (const GlyphRun& r : line.runs) {
    for (const Glyph& g : r.glyphs) AppendUtf8(static_cast<int>(g.id), &s);
  }
  return s;
}

std::vector<std::string> Texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const TextLine& l : lines) out.push_back(l.text);
  return out;
}

}  // namespace

TEST_CASE("text: wrapping at spaces keeps every line within the width") {
  FixedMetrics m(500);  // Every glyph 0.5 em: at 10 pt, 5 pt per character.
  TextShaper shaper(m);
  auto lines = shaper.Wrap("aaaa bbbb cccc", kRegular, 10, 50, nullptr);
  REQUIRE(lines.size() == 2);                 // "aaaa bbbb" is 45 pt, + " cccc" would be 70.
  CHECK(lines[0].width == doctest::Approx(45));
  CHECK(lines[0].text == "aaaa bbbb");
  CHECK(Drawn(lines[0]) == "aaaa bbbb");      // The trailing space hangs: not drawn.
  CHECK(lines[1].text == "cccc");
  for (const TextLine& l : shaper.Wrap("a bb ccc dddd eeeee ffffff", kRegular, 10, 30, nullptr)) {
    CHECK(l.width <= 30);
  }
}

TEST_CASE("text: a word wider than the line is broken between characters") {
  FixedMetrics m(500);
  TextShaper shaper(m);
  auto lines = shaper.Wrap("abcdefghij", kRegular, 10, 20, nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"abcd", "efgh", "ij"});
  // A combining mark stays with its letter.
  lines = shaper.Wrap("abce\u0301fg", kRegular, 10, 20, nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"abc", "e\u0301fg"});
}

TEST_CASE("text: fallback faces draw what the main face lacks, the rest is reported, not drawn") {
  FixedMetrics m(500, /*faces=*/3, /*missing=*/{0x263A});
  TextShaper shaper(m);
  std::vector<int> missing;
  TextLine line = shaper.Line("ab比亚c☺", kBold, 10, &missing);
  REQUIRE(line.runs.size() == 3);
  CHECK(line.runs[0].face == kBold);
  CHECK(line.runs[1].face == 2);
  CHECK(line.runs[2].face == kBold);
  CHECK(Drawn(line) == "ab比亚c");
  CHECK(line.text == "ab比亚c");  // Nothing in the text layer that is not drawn.
  CHECK(line.width == doctest::Approx(25));
  CHECK(missing == std::vector<int>{0x263A});
}

TEST_CASE("text: right-to-left runs are reversed, numbers and Latin inside keep their order") {
  FixedMetrics m(500);
  TextShaper shaper(m);
  // A left-to-right paragraph with a Hebrew name inside.
  TextLine line = shaper.Line("by אבג 12 end", kRegular, 10, nullptr);
  CHECK(!line.rtl);
  CHECK(Drawn(line) == "by 12 גבא end");
  CHECK(line.text == "by אבג 12 end");
  // A paragraph that starts right to left reads right to left as a whole:
  // the Latin word comes first on the page (at the left, where it ends).
  line = shaper.Line("אבג BMW", kRegular, 10, nullptr);
  CHECK(line.rtl);
  CHECK(Drawn(line) == "BMW גבא");
  // Arabic with European digits: the digits stay left to right.
  line = shaper.Line("سنة 2024", kRegular, 10, nullptr);
  CHECK(Drawn(line) == "2024 ةنس");
}

TEST_CASE("text: lines of a right-to-left paragraph are ordered after breaking") {
  FixedMetrics m(500);
  TextShaper shaper(m);
  auto lines = shaper.Wrap("אב גד הו", kRegular, 10, 30, nullptr);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "אב גד");   // The first line holds the logically first words...
  CHECK(Drawn(lines[0]) == "דג בא");  // ...drawn right to left.
  CHECK(lines[1].text == "הו");
}

TEST_CASE("text: line breaks follow UAX #14 in Chinese, Japanese and Thai, no-break space holds") {
  FixedMetrics m(500, /*faces=*/3);  // Face 2 draws the ideographs.
  TextShaper shaper(m);
  // Between ideographs, but never before the closing full stop.
  auto lines = shaper.Wrap("日本語の文章です。", kRegular, 10, 40, nullptr);
  for (const TextLine& l : lines) CHECK(l.text.rfind("。", 0) != 0);
  CHECK(Texts(lines) == std::vector<std::string>{"日本語の文章で", "す。"});
  // Thai has no spaces between words: breaks come from the dictionary.
  lines = shaper.Wrap("ภาษาไทยง่ายนิดเดียว", kRegular, 10, 26, nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"});
  lines = shaper.Wrap("aa\u00A0bb cc", kRegular, 10, 30, nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"aa\u00A0bb", "cc"});
  // Hyphens and slashes are break opportunities too.
  lines = shaper.Wrap("plug-in/hybrid", kRegular, 10, 30, nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"plug-", "in/", "hybrid"});
}

TEST_CASE("text: the narrowest column is the widest unbreakable piece") {
  FixedMetrics m(500, /*faces=*/3);
  TextShaper shaper(m);
  CHECK(shaper.MinWidth("aa bbbb c", kRegular, 10) == doctest::Approx(20));
  CHECK(shaper.MinWidth("比亚迪汽车", kRegular, 10) == doctest::Approx(5));  // Any ideograph.
}

TEST_CASE("text: white space is normalized and paragraphs split at blank lines") {
  CHECK(NormalizeSpaces("  a\tb\n c\x01 d\xC2\xA0") == "a b c d\xC2\xA0");
  auto p = Paragraphs("one\ntwo\n\n  \nthree\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "one two");
  CHECK(p[1] == "three");
}
