#include "fonts/font_set.h"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "base/filesystem.h"
#include "fonts/font_locator.h"
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

TEST_CASE("font set: a fallback truncated or damaged past its first bytes is refused before any brief") {
  fs::path dir = fs::temp_directory_path() / "brief_font_set_damaged";
  fs::create_directories(dir);
  Template t = Classic();
  t.font_fallbacks = {"damaged.ttf"};
  std::string real;
  {
    std::string error;
    FontLocation hebrew = LocateFont("Noto Sans Hebrew", "", &error);
    REQUIRE_MESSAGE(!hebrew.path.empty(), error);
    std::ifstream in(hebrew.path, std::ios::binary);
    real.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string error;
  // Cut short: its tables end past the end of the file.
  std::ofstream(dir / "damaged.ttf", std::ios::binary) << real.substr(0, 2000);
  CHECK(FontSet::ForTemplate(t, dir.string(), &error) == nullptr);
  CHECK(error.find("font file '" + (dir / "damaged.ttf").string() + "' is truncated or damaged: its '") == 0);
  CHECK(error.find("' table ends past the end of the file") != std::string::npos);
  // Its header kept, the rest zeroed: no table directory to speak of.
  std::ofstream(dir / "damaged.ttf", std::ios::binary) << real.substr(0, 12) << std::string(real.size() - 12, '\0');
  CHECK(FontSet::ForTemplate(t, dir.string(), &error) == nullptr);
  CHECK(error == "font file '" + (dir / "damaged.ttf").string() +
                     "' is truncated or damaged: it lacks one of the tables every font has (head, maxp, cmap, "
                     "hhea, hmtx)");
  fs::remove_all(dir);
}

TEST_CASE("font set: a fallback that breaks after the start adds nothing when needed") {
  fs::path dir = fs::temp_directory_path() / "brief_font_set_changed";
  fs::create_directories(dir);
  Template t = Classic();
  t.font_fallbacks = {"changed.ttf", "Noto Sans Arabic"};
  std::string error;
  FontLocation hebrew = LocateFont("Noto Sans Hebrew", "", &error);
  REQUIRE_MESSAGE(!hebrew.path.empty(), error);
  fs::copy_file(hebrew.path, dir / "changed.ttf", fs::copy_options::overwrite_existing);
  auto set = FontSet::ForTemplate(t, dir.string(), &error);
  REQUIRE_MESSAGE(set, error);
  // Replaced by something that is no font before text first needs it.
  std::ofstream(dir / "changed.ttf", std::ios::binary) << "not a font any more";
  const int changed = set->Chain(kRegular)[1];
  const int arabic = set->Chain(kRegular)[2];
  CHECK_FALSE(set->HasGlyph(changed, 0x05D0));  // Stands for the regular face, which lacks alef...
  CHECK(set->HasGlyph(changed, 'A'));           // ... and has this.
  CHECK(set->HasGlyph(arabic, kBeh));           // The next fallback still serves.
  fs::remove_all(dir);
}
