#include "fonts/font_set.h"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "base/filesystem.h"
#include "template/load_template.h"

using namespace brief;
namespace fs = std::filesystem;

namespace {

Template Classic() {
  DiskFileSystem disk;
  std::vector<Diagnostic> diagnostics;
  auto t = LoadTemplateFile(disk, "templates/classic.yaml", &diagnostics);
  REQUIRE(t.has_value());
  return *t;
}

constexpr int kBeh = 0x0628;  // ARABIC LETTER BEH: Inter lacks it, Noto Sans Arabic has it.

}  // namespace

TEST_CASE("font set: fallbacks are found at the start and loaded when text first needs one") {
  Template t = Classic();
  REQUIRE(t.font_fallbacks.size() > 2);
  REQUIRE(t.font_fallbacks[0] == "Noto Sans Arabic");
  std::string error;
  auto set = FontSet::ForTemplate(t, "fonts", &error);
  REQUIRE_MESSAGE(set, error);
  const int arabic = set->Chain(kRegular)[1];
  const int hebrew = set->Chain(kRegular)[2];
  CHECK(set->Loaded(kRegular));
  CHECK(set->Loaded(kBold));
  CHECK_FALSE(set->Loaded(arabic));
  CHECK(set->HasGlyph(kRegular, 'A'));
  CHECK_FALSE(set->HasGlyph(kRegular, kBeh));
  CHECK_FALSE(set->Loaded(arabic));  // The regular face had all it was asked.
  CHECK(set->HasGlyph(arabic, kBeh));
  CHECK(set->Loaded(arabic));
  CHECK(set->face(arabic).postscript_name() == "NotoSansArabic-Regular");
  CHECK_FALSE(set->Loaded(hebrew));
  // Every file is named for the manifest, loaded or not.
  std::vector<std::string> files = set->Files();
  CHECK(files.size() == 2 + t.font_fallbacks.size());
  CHECK(fs::path(files[2]).filename() == "NotoSansArabic-Regular.ttf");
}

TEST_CASE("font set: a fallback that is not a TrueType file is refused before any brief") {
  fs::path dir = fs::temp_directory_path() / "brief_font_set_test";
  fs::create_directories(dir);
  Template t = Classic();
  t.font_fallbacks = {"bad.ttf"};
  std::ofstream(dir / "bad.ttf", std::ios::binary) << "<html>not a font</html>";
  std::string error;
  CHECK(FontSet::ForTemplate(t, dir.string(), &error) == nullptr);
  CHECK(error == "font '" + (dir / "bad.ttf").string() + "' is not a TrueType font file");
  std::ofstream(dir / "bad.ttf", std::ios::binary) << "OTTO" << std::string(40, '\0');
  CHECK(FontSet::ForTemplate(t, dir.string(), &error) == nullptr);
  CHECK(error.find("is an OpenType/CFF font; only TrueType outlines can be embedded") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("font set: a fallback damaged past its first bytes adds nothing when needed") {
  fs::path dir = fs::temp_directory_path() / "brief_font_set_damaged";
  fs::create_directories(dir);
  Template t = Classic();
  t.font_fallbacks = {"damaged.ttf", "Noto Sans Arabic"};
  // A TrueType header and nothing behind it: no tables, no glyphs.
  std::ofstream(dir / "damaged.ttf", std::ios::binary) << std::string("\0\1\0\0", 4) << std::string(60, '\0');
  std::string error;
  auto set = FontSet::ForTemplate(t, dir.string(), &error);
  REQUIRE_MESSAGE(set, error);
  const int damaged = set->Chain(kRegular)[1];
  const int arabic = set->Chain(kRegular)[2];
  CHECK_FALSE(set->HasGlyph(damaged, kBeh));  // Stands for the regular face, which lacks it...
  CHECK(set->HasGlyph(damaged, 'A'));         // ... and has this.
  CHECK(set->HasGlyph(arabic, kBeh));         // The next fallback still serves.
  fs::remove_all(dir);
}
