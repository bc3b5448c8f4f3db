// End-to-end shaping: the glyphs and positions the renderer writes into the
// PDF for a line of text equal what HarfBuzz's own `hb-shape` gives for the
// same text and font. tests/shaping_check.py reads the PDF back (mapping the
// subset's glyph ids to the original font's by their outlines) and makes the
// comparison; see its docstring.
#include <string>

#include <doctest/doctest.h>

#include "tests/run_binary.h"

namespace {

// `s` as one word for /bin/sh.
std::string ShellQuote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Renders tests/briefs/scripts/<brief>.yaml with `template_name` and checks
// that some line of the PDF is `text` exactly as hb-shape shapes it.
void CheckShaping(const std::string& brief, const std::string& template_name,
                  const std::string& text) {
  TempDir out;
  Run render = RunBrief("render -q -t " + template_name + " tests/briefs/scripts/" + brief +
                        ".yaml -o " + out.path);
  REQUIRE_MESSAGE(render.status == 0, render.err);
  std::string pdf = out.path + "/" + brief + ".pdf";
  Run check =
      RunShell("/usr/bin/python3 tests/shaping_check.py " + ShellQuote(pdf) + " " + ShellQuote(text));
  CHECK_MESSAGE(check.status == 0, "shaping_check.py:\n" << check.out << check.err);
  CHECK(check.out.rfind("ok: ", 0) == 0);
}

}  // namespace

TEST_CASE("shaping: Persian native name equals hb-shape") {
  CheckShaping("iran-khodro", "classic", "ایران خودرو");
}

TEST_CASE("shaping: Arabic native name equals hb-shape") {
  CheckShaping("abdul-latif-jameel", "classic", "عبد اللطيف جميل للسيارات");
}

TEST_CASE("shaping: Hebrew native name equals hb-shape") {
  CheckShaping("mobileye", "classic", "מובילאיי");
}

TEST_CASE("shaping: Devanagari native name equals hb-shape") {
  CheckShaping("tata-motors", "classic", "टाटा मोटर्स लिमिटेड");
}

TEST_CASE("shaping: Bengali native name equals hb-shape") {
  CheckShaping("pragoti", "classic", "প্রগতি ইন্ডাস্ট্রিজ লিমিটেড");
}

TEST_CASE("shaping: Thai native name equals hb-shape") {
  CheckShaping("thai-rung", "classic", "ไทยรุ่งยูเนี่ยนคาร์");
}

TEST_CASE("shaping: Hangul native name equals hb-shape") {
  CheckShaping("hyundai", "classic", "현대자동차");
}

TEST_CASE("shaping: Japanese native name equals hb-shape") {
  CheckShaping("toyota", "classic", "トヨタ自動車株式会社");
}

TEST_CASE("shaping: Latin ligatures in a bold company name equal hb-shape") {
  CheckShaping("officine", "compact", "Officine Fiat Affiliates");
}
