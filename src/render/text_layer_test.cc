#include "render/text_layer.h"

#include <doctest/doctest.h>

#include "base/utf8.h"

using namespace brief;

namespace {

// A line of one run in face 0 over `text`'s code points; glyphs given as
// (id, cluster) in visual order.
TextItem Line(const std::string& text, std::vector<std::pair<uint32_t, int>> glyphs, bool rtl = false) {
  TextItem t;
  t.text = text;
  t.code_points = ToCodePoints(text);
  GlyphRun run;
  run.level = rtl ? 1 : 0;
  run.end = static_cast<int>(t.code_points.size());
  for (auto [id, cluster] : glyphs) {
    Glyph g;
    g.id = id;
    g.cluster = cluster;
    g.advance = 500;
    run.glyphs.push_back(g);
  }
  t.runs.push_back(run);
  return t;
}

// Glyph ids in writing order.
std::vector<uint32_t> Written(const TextLayer& layer, const TextItem& t, size_t i) {
  std::vector<uint32_t> ids;
  for (GlyphRef r : layer.order[i]) {
    ids.push_back(t.runs[static_cast<size_t>(r.run)].glyphs[static_cast<size_t>(r.glyph)].id);
  }
  return ids;
}

uint32_t NoNominal(int, int) { return 0; }

}  // namespace

TEST_CASE("text layer: a ligature stands for its letters, and the line needs no /ActualText") {
  // "office": o, ffi (one glyph for three letters), c, e.
  std::vector<TextItem> texts = {Line("office", {{10, 0}, {20, 1}, {30, 4}, {40, 5}})};
  TextLayer layer = BuildTextLayer(texts, NoNominal);
  CHECK(layer.to_unicode[0][20] == "ffi");
  CHECK(layer.spans[0].empty());
  CHECK(Written(layer, texts[0], 0) == std::vector<uint32_t>{10, 20, 30, 40});
}

TEST_CASE("text layer: right-to-left glyphs are written from the first letter") {
  // Hebrew "אבג", drawn left to right as ג ב א.
  std::vector<TextItem> texts = {Line("אבג", {{3, 2}, {2, 1}, {1, 0}}, true)};
  TextLayer layer = BuildTextLayer(texts, NoNominal);
  CHECK(Written(layer, texts[0], 0) == std::vector<uint32_t>{1, 2, 3});
  CHECK(layer.to_unicode[0][1] == "א");
  CHECK(layer.spans[0].empty());
}

TEST_CASE("text layer: a reordered vowel sign goes to its own glyph and the line gets /ActualText") {
  // Devanagari "कि": one cluster drawn as [ि, क]; the font's own glyph for
  // क is 7, for ि 9.
  std::vector<TextItem> texts = {Line("कि", {{9, 0}, {7, 0}})};
  TextLayer layer = BuildTextLayer(texts, [](int, int cp) -> uint32_t {
    return cp == 0x915 ? 7 : cp == 0x93F ? 9 : 0;
  });
  CHECK(layer.to_unicode[0][7] == "क");
  CHECK(layer.to_unicode[0][9] == "ि");
  // Drawn order spells "िक": the grapheme says its text.
  CHECK(layer.spans[0] == std::vector<TextSpan>{{0, 1, "कि"}});
}

TEST_CASE("text layer: a mirrored bracket reads as itself, with a span of its own") {
  // "(א)" right to left: drawn as "(" glyph 2 for ")", "א", ")" glyph 1 for
  // "("; glyph 1 is the font's own ")" and glyph 2 its "(".
  std::vector<TextItem> texts = {Line("(א)", {{2, 2}, {7, 1}, {1, 0}}, true),
                                 Line("(a)", {{2, 0}, {8, 1}, {1, 2}})};
  TextLayer layer = BuildTextLayer(texts, [](int, int cp) -> uint32_t {
    return cp == '(' ? 2 : cp == ')' ? 1 : 0;
  });
  CHECK(layer.to_unicode[0][1] == ")");  // Its own character, whatever came first.
  CHECK(layer.to_unicode[0][2] == "(");
  CHECK(layer.spans[0] == std::vector<TextSpan>{{0, 0, "("}, {2, 2, ")"}});
  CHECK(layer.spans[1].empty());
}

TEST_CASE("text layer: one glyph for two texts keeps the first, the other line says its text") {
  // Glyph 5 draws "a" in the first line and "á" in the second.
  std::vector<TextItem> texts = {Line("a", {{5, 0}}), Line("á", {{5, 0}})};
  TextLayer layer = BuildTextLayer(texts, NoNominal);
  CHECK(layer.to_unicode[0][5] == "a");
  CHECK(layer.spans[0].empty());
  CHECK(layer.spans[1] == std::vector<TextSpan>{{0, 0, "á"}});
}
