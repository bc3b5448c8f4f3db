// The brief corpus: every file under tests/briefs/invalid states the exact
// diagnostics it must produce in the short form, hints included ("# expect:
// LINE:COL: severity: path: message" lines, each hint on a "# expect:
// hint: ..." line after it; or a .expect file beside a binary one), and the
// exact excerpt form in NAME.excerpt beside it; every brief under
// tests/briefs/valid and briefs/ must produce none.
//
// BRIEF_UPDATE_EXPECTATIONS=1 rewrites the expectations from what the
// program says (then read the diff: it is the test).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "app/brief_renderer.h"
#include "app/command_support.h"
#include "app/excerpt.h"
#include "template/load_template.h"
#include "validate/check_brief.h"

using namespace brief;
namespace fs = std::filesystem;

namespace {

const std::string kMarker = "# expect: ";

bool Updating() {
  const char* v = std::getenv("BRIEF_UPDATE_EXPECTATIONS");
  return v && *v && std::string(v) != "0";
}

std::vector<std::string> YamlFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (ext == ".yaml" || ext == ".yml") files.push_back(dir + "/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Sidecar(const std::string& file, const char* ext) {
  return file.substr(0, file.rfind('.')) + ext;
}

std::string Expected(const std::string& file) {
  std::string sidecar = Sidecar(file, ".expect");
  std::ifstream in(fs::exists(sidecar) ? sidecar : file, std::ios::binary);
  std::string line, out;
  while (std::getline(in, line)) {
    if (fs::exists(sidecar)) {
      out += line + "\n";
    } else if (line.rfind(kMarker, 0) == 0) {
      out += line.substr(kMarker.size()) + "\n";
    }
  }
  return out;
}

// Short-form diagnostics, hints included, without the file name prefix.
std::string Actual(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    std::string text = FormatDiagnostic(d);
    out += text.substr(d.file.size() + (d.line ? 1 : 0)) + "\n";
  }
  return out;
}

// The excerpt form, as `brief validate` prints it without colour.
std::string Excerpts(const std::vector<Diagnostic>& diagnostics, const FileSystem& disk) {
  SourceLines sources(disk);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += DiagnosticText(d, DiagnosticStyle::kExcerpt, false, sources.Line(d.file, d.line));
  }
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces the "# expect: " lines of a text file (or its .expect sidecar).
void WriteExpected(const std::string& file, const std::string& expected) {
  std::string sidecar = Sidecar(file, ".expect");
  if (fs::exists(sidecar)) {
    std::ofstream(sidecar, std::ios::binary) << expected;
    return;
  }
  std::istringstream in(ReadAll(file));
  std::string line, kept;
  while (std::getline(in, line)) {
    if (line.rfind(kMarker, 0) != 0) kept += line + "\n";
  }
  std::istringstream lines(expected);
  while (std::getline(lines, line)) kept += kMarker + line + "\n";
  std::ofstream(file, std::ios::binary) << kept;
}

}  // namespace

TEST_CASE("corpus: each invalid brief gives exactly its expected diagnostics, short and excerpt forms") {
  DiskFileSystem disk;
  std::vector<std::string> files = YamlFiles("tests/briefs/invalid");
  REQUIRE(files.size() >= 40);
  // As `brief validate` checks: the format, then the classic template's
  // layout and glyphs for a brief that passed.
  std::vector<Diagnostic> template_problems;
  auto classic = LoadTemplateFile(disk, "templates/classic.yaml", &template_problems);
  REQUIRE(classic.has_value());
  std::string error;
  std::unique_ptr<BriefRenderer> renderer = BriefRenderer::Create(*classic, "fonts", &error);
  REQUIRE_MESSAGE(renderer != nullptr, error);
  for (const std::string& file : files) {
    INFO(file);
    BriefCheck check = CheckBriefFile(disk, file, /*strict=*/false);
    if (check.brief) AddFindings(false, renderer->Check(*check.brief, file), &check);
    std::string excerpt_file = Sidecar(file, ".excerpt");
    if (Updating()) {
      WriteExpected(file, Actual(check.diagnostics));
      std::ofstream(excerpt_file, std::ios::binary) << Excerpts(check.diagnostics, disk);
    }
    std::string expected = Expected(file);
    REQUIRE_MESSAGE(!expected.empty(), "no expectation in " << file);
    CHECK(Actual(check.diagnostics) == expected);
    REQUIRE_MESSAGE(fs::exists(excerpt_file), "no " << excerpt_file);
    CHECK(Excerpts(check.diagnostics, disk) == ReadAll(excerpt_file));
    if (check.errors() > 0) CHECK_FALSE(check.brief.has_value());
    // A diagnostic about a field says where the field is.
    for (const Diagnostic& d : check.diagnostics) {
      INFO(FormatDiagnostic(d));
      if (!d.path.empty()) CHECK(d.line > 0);
      if (d.line > 0) CHECK(d.column > 0);
    }
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
    CHECK(Actual(check.diagnostics) == "");
    CHECK(check.brief.has_value());
  }
}

TEST_CASE("corpus: a broken template gives exactly its expected diagnostics") {
  DiskFileSystem disk;
  std::vector<Diagnostic> diagnostics;
  auto t = LoadTemplateFile(disk, "tests/templates/broken.yaml", &diagnostics);
  CHECK_FALSE(t.has_value());
  SortByPosition(&diagnostics);
  if (Updating()) WriteExpected("tests/templates/broken.yaml", Actual(diagnostics));
  CHECK(Actual(diagnostics) == Expected("tests/templates/broken.yaml"));
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
