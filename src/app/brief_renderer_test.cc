#include "app/brief_renderer.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("renderer: missing characters are one warning per field, naming at most twelve") {
  std::vector<MissingGlyph> missing = {{"company.name", 0x13000}, {"history[0].event", 0x1E2C0},
                                       {"company.name", 0x13001}};
  std::vector<Diagnostic> d = MissingGlyphDiagnostics(missing, "x.yaml");
  REQUIRE(d.size() == 2);
  CHECK(d[0].path == "company.name");
  CHECK(d[0].message == "no font of the template has '𓀀', '𓀁' (U+13000, U+13001); they will not show");
  CHECK(d[0].hint == "add a font that has them to the template's fonts.fallback");
  CHECK(d[1].message == "no font of the template has '𞋀' (U+1E2C0); it will not show");
  CHECK(d[1].hint == "add a font that has it to the template's fonts.fallback");
  std::vector<MissingGlyph> many;
  for (int cp = 0x13A0; cp < 0x13A0 + 30; ++cp) many.push_back({"company.summary", cp});
  d = MissingGlyphDiagnostics(many, "x.yaml");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("'Ꭻ' and 18 more (U+13A0") != std::string::npos);
  CHECK(d[0].message.find("U+13AB, ...); they will not show") != std::string::npos);
}
