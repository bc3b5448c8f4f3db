// The brief corpus: every file under tests/briefs/invalid states the exact
// diagnostics it must produce ("# expect: LINE:COL: severity: path: message"
// lines, or a .expect file beside a binary one); every brief under
// tests/briefs/valid and briefs/ must produce none.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "template/load_template.h"
#include "validate/check_brief.h"

using namespace brief;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> YamlFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (ext == ".yaml" || ext == ".yml") files.push_back(dir + "/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Expected(const std::string& file) {
  std::string sidecar = file.substr(0, file.rfind('.')) + ".expect";
  std::ifstream in(fs::exists(sidecar) ? sidecar : file, std::ios::binary);
  std::string line, out;
  const std::string marker = "# expect: ";
  while (std::getline(in, line)) {
    if (fs::exists(sidecar)) {
      out += line + "\n";
    } else if (line.rfind(marker, 0) == 0) {
      out += line.substr(marker.size()) + "\n";
    }
  }
  return out;
}

// Diagnostics without the file name prefix and without hints.
std::string Actual(const BriefCheck& check) {
  std::string out;
  for (Diagnostic d : check.diagnostics) {
    d.hint.clear();
    std::string text = FormatDiagnostic(d);
    out += text.substr(d.file.size() + (d.line ? 1 : 0)) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("corpus: each invalid brief gives exactly its expected diagnostics") {
  DiskFileSystem disk;
  std::vector<std::string> files = YamlFiles("tests/briefs/invalid");
  REQUIRE(files.size() >= 40);
  for (const std::string& file : files) {
    INFO(file);
    std::string expected = Expected(file);
    REQUIRE_MESSAGE(!expected.empty(), "no expectation in " << file);
    BriefCheck check = CheckBriefFile(disk, file, /*strict=*/false);
    CHECK(Actual(check) == expected);
    if (check.errors() > 0) CHECK_FALSE(check.brief.has_value());
  }
}

TEST_CASE("corpus: valid briefs give no diagnostic at all") {
  DiskFileSystem disk;
  std::vector<std::string> files = YamlFiles("tests/briefs/valid");
  for (const std::string& f : YamlFiles("briefs")) files.push_back(f);
  REQUIRE(files.size() >= 4);
  for (const std::string& file : files) {
    INFO(file);
    BriefCheck check = CheckBriefFile(disk, file, /*strict=*/true);
    CHECK(Actual(check) == "");
    CHECK(check.brief.has_value());
  }
}

TEST_CASE("corpus: a broken template gives exactly its expected diagnostics") {
  DiskFileSystem disk;
  std::vector<Diagnostic> diagnostics;
  auto t = LoadTemplateFile(disk, "tests/templates/broken.yaml", &diagnostics);
  CHECK_FALSE(t.has_value());
  SortByPosition(&diagnostics);
  BriefCheck as_check;
  as_check.diagnostics = diagnostics;
  CHECK(Actual(as_check) == Expected("tests/templates/broken.yaml"));
}

TEST_CASE("corpus: the shipped templates are valid") {
  DiskFileSystem disk;
  for (const std::string& file : YamlFiles("templates")) {
    INFO(file);
    std::vector<Diagnostic> diagnostics;
    CHECK(LoadTemplateFile(disk, file, &diagnostics).has_value());
    CHECK(diagnostics.empty());
  }
}
