#include "fonts/ccmp_analysis.h"

#include <hb.h>

#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "base/utf8.h"
#include "fonts/font_face.h"
#include "fonts/font_locator.h"

using namespace brief;
namespace fs = std::filesystem;

namespace {

// A font of boxes (tests/fonts/make_test_font.py) with `features` as its
// GSUB: A, B, C, acutecomb U+0301, Aacute U+00C1, pua U+E000, space.
std::unique_ptr<FontFace> TestFont(const std::string& name, const std::string& features) {
  // Named by content and process: test cases run in parallel processes.
  std::string stem = "brief_ccmp_" + name + "_" + std::to_string(std::hash<std::string>()(features)) + "_" +
                     std::to_string(getpid());
  fs::path out = fs::temp_directory_path() / (stem + ".ttf");
  fs::path fea = fs::temp_directory_path() / (stem + ".fea");
  std::ofstream(fea) << features;
  std::string command = "/usr/bin/python3 tests/fonts/make_test_font.py '" + out.string() + "' '" + fea.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string error;
  auto face = FontFace::Load(out.string(), 0, &error);
  REQUIRE_MESSAGE(face, error);
  fs::remove(fea);
  return face;
}

struct Shaped {
  std::vector<uint32_t> ids;
  std::vector<int> clusters;
  std::vector<int> advances;
  std::vector<bool> unsafe;
  bool operator==(const Shaped&) const = default;
};

std::vector<int> CodePoints(const std::string& utf8) {
  std::vector<int> cps;
  size_t i = 0;
  while (i < utf8.size()) cps.push_back(DecodeUtf8(utf8, &i));
  return cps;
}

// HarfBuzz with all its default features, as FontFace sets up the buffer:
// what FontFace::Shape must give.
Shaped Reference(const std::string& path, const std::string& text) {
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  hb_buffer_t* buffer = hb_buffer_create();
  std::vector<int> cps = CodePoints(text);
  hb_buffer_add_codepoints(buffer, reinterpret_cast<const hb_codepoint_t*>(cps.data()), static_cast<int>(cps.size()), 0,
                           static_cast<int>(cps.size()));
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES |
                                                             HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font, buffer, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
  const int upem = static_cast<int>(hb_face_get_upem(face));
  Shaped s;
  for (unsigned i = 0; i < n; ++i) {
    s.ids.push_back(info[i].codepoint);
    s.clusters.push_back(static_cast<int>(info[i].cluster));
    s.advances.push_back(pos[i].x_advance * 1000 / upem);
    s.unsafe.push_back((hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0);
  }
  hb_buffer_destroy(buffer);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return s;
}

Shaped Ours(const FontFace& face, const std::string& text) {
  std::vector<int> cps = CodePoints(text);
  std::vector<Glyph> glyphs;
  face.Shape({cps, 0, static_cast<int>(cps.size()), false, HB_SCRIPT_LATIN}, &glyphs);
  Shaped s;
  for (const Glyph& g : glyphs) {
    s.ids.push_back(g.id);
    s.clusters.push_back(g.cluster);
    s.advances.push_back(static_cast<int>(g.advance + 0.5f));
    s.unsafe.push_back(g.unsafe_to_break);
  }
  return s;
}

const char* const kTexts[] = {"AB", "ABC", "BA", "ABB", "A\u0301", "A\u0301B", "A\uE000", "\u00C1B", "A B C",
                              "AAA"};

void CheckSameAsHarfBuzz(const FontFace& face) {
  for (const char* text : kTexts) {
    INFO("text: " << std::string(text));
    CHECK(Ours(face, text) == Reference(face.path(), text));
  }
}

}  // namespace

TEST_CASE("ccmp analysis: a ccmp that only composes marks is proved to need them") {
  auto face = TestFont("compose", "feature ccmp { sub A acutecomb by Aacute; } ccmp;");
  CHECK(face->CcmpNeedsMarks());
  CheckSameAsHarfBuzz(*face);
  // With the mark, ccmp still runs: A + U+0301 is one glyph.
  CHECK(Ours(*face, "A\u0301").ids == std::vector<uint32_t>{5});
  // A context that needs a mark after A.
  auto context = TestFont("context", "feature ccmp { sub A' acutecomb by B; } ccmp;");
  CHECK(context->CcmpNeedsMarks());
  CheckSameAsHarfBuzz(*context);
  // A private-use character mapped to an accent counts as one.
  auto pua = TestFont("pua", "feature ccmp { sub A pua by Aacute; } ccmp;");
  CHECK(pua->CcmpNeedsMarks());
  CheckSameAsHarfBuzz(*pua);
}

TEST_CASE("ccmp analysis: a ccmp that can change text without marks is left on") {
  struct Case {
    const char* name;
    const char* features;
  } cases[] = {
      {"single", "feature ccmp { sub A by B; } ccmp;"},
      {"ligature", "feature ccmp { sub A B by Aacute; } ccmp;"},
      {"context", "feature ccmp { sub A' B by C; } ccmp;"},
      {"lookahead", "feature ccmp { sub A' [B acutecomb] by C; } ccmp;"},
      {"multiple", "feature ccmp { sub C by A B; } ccmp;"},
      // A lookup before ccmp's that makes a mark out of letters: "ABB"
      // becomes A + acutecomb, which ccmp then composes.
      {"mark-made-first", "feature liga { sub B B by acutecomb; } liga;\n"
                          "feature ccmp { sub A acutecomb by Aacute; } ccmp;"},
      // A script's required feature runs first whatever its tag and lookup
      // index: "ABB" is one Aacute in HarfBuzz.
      {"required", "feature ccmp { sub A acutecomb by Aacute; } ccmp;\n"
                   "feature test { script latn; language dflt required; sub B B by acutecomb; } test;"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto face = TestFont(c.name, c.features);
    CHECK_FALSE(face->CcmpNeedsMarks());
    CheckSameAsHarfBuzz(*face);
  }
  for (int c : {5, 6}) {
    auto face = TestFont(cases[c].name, cases[c].features);
    CHECK(Ours(*face, "ABB").ids == std::vector<uint32_t>{5});  // Aacute.
  }
}

TEST_CASE("ccmp analysis: a mark made by a lookup after ccmp's does not matter") {
  // liga's lookup comes after ccmp's, so "ABB" ends as A + acutecomb.
  auto face = TestFont("mark-made-after", "feature ccmp { sub A acutecomb by Aacute; } ccmp;\n"
                                          "feature liga { sub B B by acutecomb; } liga;");
  CHECK(face->CcmpNeedsMarks());
  CheckSameAsHarfBuzz(*face);
  CHECK(Ours(*face, "ABB").ids == std::vector<uint32_t>{1, 4});
}

TEST_CASE("ccmp analysis: Inter's ccmp needs marks, and DejaVu Sans's does not (tone letters)") {
  std::string error;
  FontLocation inter = LocateFont("Inter:style=Regular", "", &error);
  REQUIRE_MESSAGE(!inter.path.empty(), error);
  auto face = FontFace::Load(inter.path, inter.index, &error);
  REQUIRE(face);
  CHECK(face->CcmpNeedsMarks());
  FontLocation dejavu = LocateFont("DejaVu Sans", "", &error);
  auto other = FontFace::Load(dejavu.path, dejavu.index, &error);
  REQUIRE(other);
  CHECK_FALSE(other->CcmpNeedsMarks());
}

TEST_CASE("ccmp analysis: damaged GSUB tables are never proved") {
  hb_set_t* marks = hb_set_create();
  hb_set_add(marks, 4);
  // Truncated and empty tables, as a face built from them holds.
  for (std::string gsub : {std::string(), std::string("\0\1\0\0\0\12\0\12\0\12", 10),
                           std::string("\0\1\0\0\0\12\0\12\0\14\0\1\0\0", 14)}) {
    hb_face_t* builder = hb_face_builder_create();
    hb_blob_t* table = hb_blob_create(gsub.data(), static_cast<unsigned>(gsub.size()), HB_MEMORY_MODE_DUPLICATE,
                                      nullptr, nullptr);
    hb_face_builder_add_table(builder, HB_TAG('G', 'S', 'U', 'B'), table);
    hb_blob_destroy(table);
    CHECK_FALSE(CcmpNeedsMarks(builder, marks));
    hb_face_destroy(builder);
  }
  hb_set_destroy(marks);
}
