#include "fonts/font_locator.h"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "fonts/font_face.h"
#include "fonts/font_lookup_cache.h"

using namespace brief;
namespace fs = std::filesystem;

TEST_CASE("fonts: the fonts folder is searched before the system") {
  std::string error;
  FontLocation system = LocateFont("DejaVu Sans", "", &error);
  REQUIRE_MESSAGE(!system.path.empty(), error);
  CHECK(fs::path(system.path).filename() == "DejaVuSans.ttf");  // Regular, not ExtraLight.

  fs::path dir = fs::temp_directory_path() / "brief_fonts_test";
  fs::create_directories(dir);
  fs::copy_file(system.path, dir / "my-copy.ttf", fs::copy_options::overwrite_existing);
  FontLocation local = LocateFont("DejaVu Sans", dir.string(), &error);
  CHECK(local.path == (dir / "my-copy.ttf").string());
  CHECK(LocateFont("my-copy.ttf", dir.string(), &error).path == (dir / "my-copy.ttf").string());
  fs::remove_all(dir);
}

TEST_CASE("fonts: a missing family is an error, not a silent substitute") {
  std::string error;
  FontLocation none = LocateFont("Nonexistent Sans", "fonts", &error);
  CHECK(none.path.empty());
  CHECK(error == "font 'Nonexistent Sans' is not installed and not in fonts/");
  CHECK(LocateFont("nothing.ttf", "fonts", &error).path.empty());
  CHECK(error == "font file 'nothing.ttf' was not found in fonts");
  CHECK(LocateFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts", &error).path.empty());
  CHECK(error == "font file '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' must be a file name in "
                 "the fonts folder, not a path");
  CHECK(LocateFont("../fonts/x.ttf", "fonts", &error).path.empty());
}

TEST_CASE("fonts: a style of a variable font is a named instance, frozen into subsets") {
  std::string error;
  FontLocation bold = LocateFont("Inter:style=Bold", "", &error);
  REQUIRE_MESSAGE(!bold.path.empty(), error);
  CHECK((bold.index >> 16) > 0);
  auto face = FontFace::Load(bold.path, bold.index, &error);
  REQUIRE(face);
  CHECK(face->postscript_name() == "Inter-Bold");
  FontLocation regular = LocateFont("Inter:style=Regular", "", &error);
  auto light = FontFace::Load(regular.path, regular.index, &error);
  REQUIRE(light);
  std::vector<int> text = {'A', 'm'};
  std::vector<Glyph> bold_glyphs, regular_glyphs;
  face->Shape({text, 0, 2, false, 0}, &bold_glyphs);
  light->Shape({text, 0, 2, false, 0}, &regular_glyphs);
  REQUIRE(bold_glyphs.size() == 2);
  REQUIRE(regular_glyphs.size() == 2);
  CHECK(bold_glyphs[1].advance > regular_glyphs[1].advance);  // Bold glyphs are wider.
  CHECK(face->GlyphAdvance(bold_glyphs[1].id) == doctest::Approx(bold_glyphs[1].advance));
  std::unordered_map<uint32_t, uint32_t> ids;
  auto subset = face->Subset({bold_glyphs[0].id, bold_glyphs[1].id}, &ids, &error);
  REQUIRE(subset.has_value());
  CHECK(subset->find("fvar") == std::string::npos);  // A static font now.
  CHECK(ids.size() == 2);
  CHECK(ids[bold_glyphs[0].id] == 1);  // Renumbered after .notdef, in glyph order.
  CHECK(ids[bold_glyphs[1].id] == 2);
}

TEST_CASE("fonts: OpenType/CFF and damaged files are refused with a reason") {
  fs::path otf = fs::temp_directory_path() / "brief_fake.otf";
  std::ofstream(otf, std::ios::binary) << "OTTO" << std::string(100, '\0');
  std::string error;
  CHECK(FontFace::Load(otf.string(), 0, &error) == nullptr);
  CHECK(error.find("is an OpenType/CFF font; only TrueType outlines can be embedded") != std::string::npos);
  std::ofstream(otf, std::ios::binary) << "\x00\x01";
  CHECK(FontFace::Load(otf.string(), 0, &error) == nullptr);
  CHECK(error.find("is truncated") != std::string::npos);
  fs::remove(otf);
}

TEST_CASE("font lookups: stored answers are used while the font folders and the file are unchanged") {
  namespace fs = std::filesystem;
  char name[] = "/tmp/brief_lookups_XXXXXX";
  std::string root = mkdtemp(name);
  std::string fonts = root + "/fonts", store = root + "/cache/font-lookups";
  fs::create_directories(fonts);
  fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fonts + "/Body.ttf");
  std::string error;
  {
    // A name no installed font has, stored by hand: only the store can answer it.
    FontLookupCache cache(store);
    cache.Put("Made Up Sans", fonts, {fonts + "/Body.ttf", 0});
    FontLocation real = LocateFont("DejaVu Sans", fonts, &error, &cache);
    CHECK(real.path == fonts + "/Body.ttf");
  }
  FontLookupCache cache(store);
  FontLocation found = LocateFont("Made Up Sans", fonts, &error, &cache);
  CHECK(found.path == fonts + "/Body.ttf");
  // A font added to the folder changes what a lookup could find: the store is not used.
  fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", fonts + "/Bold.ttf");
  FontLookupCache after(store);
  error.clear();
  CHECK(LocateFont("Made Up Sans", fonts, &error, &after).path.empty());
  CHECK(error.find("not installed") != std::string::npos);
  // A damaged store is ignored.
  FontLookupCache fresh(store);
  fresh.Put("Made Up Sans", fonts, {fonts + "/Body.ttf", 0});
  fresh.Save();
  std::string text;
  {
    std::ifstream in(store);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(!text.empty());
  text.back() = 'x';  // Even the last newline is checked.
  std::ofstream(store, std::ios::trunc) << text;
  FontLookupCache damaged(store);
  FontLocation none;
  CHECK_FALSE(damaged.Find("Made Up Sans", fonts, &none));
  // No store file: nothing is kept.
  FontLookupCache off("");
  off.Put("Made Up Sans", fonts, {fonts + "/Body.ttf", 0});
  CHECK_FALSE(off.Find("Made Up Sans", fonts, &none));
  fs::remove_all(root);
}
