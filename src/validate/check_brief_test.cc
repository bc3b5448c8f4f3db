#include "validate/check_brief.h"

#include <doctest/doctest.h>

using namespace brief;

namespace {

const char* kBrief =
    "brief: 1\nas_of: 2024-06\ncompany:\n  name: Acme\n  headquarters: Berlin\n  founded: 1990\n"
    "  industry: Tools\n  summary: Makes tools.\n  logo: img/logo.png\nhistory:\n"
    "  - {date: 1990, event: Founded}\nsources:\n  - name: Report\n";

std::string First(const BriefCheck& c) {
  return c.diagnostics.empty() ? "" : FormatDiagnostic(c.diagnostics.front());
}

}  // namespace

TEST_CASE("check: an unreadable file and a folder given as a file are errors, not crashes") {
  MemoryFileSystem fs;
  fs.AddUnreadable("locked.yaml", "permission denied");
  fs.Add("dir/a.yaml", "x");
  CHECK(First(CheckBriefFile(fs, "locked.yaml", false)) ==
        "locked.yaml: error: cannot read: permission denied");
  CHECK(First(CheckBriefFile(fs, "dir", false)) == "dir: error: cannot read: is a directory, not a file");
  DiskFileSystem disk;
  CHECK(First(CheckBriefFile(disk, "tests/briefs", false)) ==
        "tests/briefs: error: cannot read: is a directory, not a file");
}

TEST_CASE("check: the logo resolves against the brief's folder, by content") {
  DiskFileSystem disk;
  std::string png, jpg, error;
  REQUIRE(disk.Read("tests/images/good.png", 1 << 20, &png, &error));
  REQUIRE(disk.Read("tests/images/good.jpg", 1 << 20, &jpg, &error));
  MemoryFileSystem fs;
  fs.Add("b/acme.yaml", kBrief);
  fs.Add("b/img/logo.png", png);
  BriefCheck ok = CheckBriefFile(fs, "b/acme.yaml", true);
  REQUIRE_MESSAGE(ok.brief.has_value(), First(ok));
  CHECK(ok.brief->company.logo_path == "b/img/logo.png");

  MemoryFileSystem jpeg;
  jpeg.Add("b/acme.yaml", kBrief);
  jpeg.Add("b/img/logo.png", jpg);  // A JPEG despite the name: judged by content.
  CHECK(CheckBriefFile(jpeg, "b/acme.yaml", true).brief.has_value());

  MemoryFileSystem damaged;
  damaged.Add("b/acme.yaml", kBrief);
  damaged.Add("b/img/logo.png", png.substr(0, png.size() / 2));
  BriefCheck bad = CheckBriefFile(damaged, "b/acme.yaml", false);
  CHECK_FALSE(bad.brief.has_value());
  CHECK(First(bad) == "b/acme.yaml:9:9: error: company.logo: logo 'img/logo.png' is a damaged PNG: "
                      "the file ends too early\n  hint: open it in an image editor and save it again");

  MemoryFileSystem folder;
  folder.Add("b/acme.yaml", kBrief);
  folder.Add("b/img/logo.png/inside", "x");
  CHECK(First(CheckBriefFile(folder, "b/acme.yaml", false)) ==
        "b/acme.yaml:9:9: error: company.logo: logo 'b/img/logo.png' is not a regular file");
}

TEST_CASE("check: valid brief reaches the model sorted, trimmed and typed") {
  MemoryFileSystem fs;
  fs.Add("a.yaml",
         "brief: 1\nas_of: 2024\ncompany:\n  name: \"\xC2\xA0 Acme \"\n  headquarters: X\n"
         "  founded: 1990\n  industry: Y\n  summary: Z\nhistory:\n"
         "  - {date: 2022-05-16, event: C}\n  - {date: 2022-05, event: B}\n  - {date: 2022, event: A}\n"
         "revenue:\n  - {year: 2021, amount: 2890000000000, currency: JPY}\n"
         "  - {year: 2011, amount: 4.0e9, currency: EUR, approximate: true}\n"
         "sources: [{name: S}]\n");
  BriefCheck c = CheckBriefFile(fs, "a.yaml", false);
  REQUIRE(c.brief.has_value());
  const Brief& b = *c.brief;
  CHECK(b.company.name == "Acme");
  REQUIRE(b.history.size() == 3);
  CHECK(b.history[0].event == "A");  // 2022 < 2022-05 < 2022-05-16
  CHECK(b.history[2].event == "C");
  CHECK(c.warnings() == 1);          // Given out of order.
  CHECK(b.revenue[0].year == 2011);
  CHECK(b.revenue[0].approximate);
  CHECK(b.revenue[1].amount == 2890000000000.0);
}

TEST_CASE("check: invisible format characters at the ends of a field are dropped, inside kept") {
  MemoryFileSystem fs;
  std::string brief = kBrief;
  brief.replace(brief.find("Tools"), 5, "\"Cars \\u202E\"");
  brief.replace(brief.find("Acme"), 4, "\"\\u200DIran\\u200CKhodro\\u00AD\"");
  brief.erase(brief.find("  logo:"), brief.find("history:") - brief.find("  logo:"));
  fs.Add("x.yaml", brief);
  BriefCheck c = CheckBriefFile(fs, "x.yaml", false);
  REQUIRE_MESSAGE(c.brief.has_value(), First(c));
  CHECK(c.brief->company.industry == "Cars");
  CHECK(c.brief->company.name == "Iran\u200CKhodro");  // The ZWNJ inside is part of the word.
}

TEST_CASE("check: partnerships keep the author's order, the dated lists are put in date order") {
  MemoryFileSystem fs;
  fs.Add("a.yaml", std::string(kBrief).replace(std::string(kBrief).find("  logo: img/logo.png\n"), 21, "") +
                       "partnerships:\n  - {partner: Zeta, kind: supply, since: 2020}\n"
                       "  - {partner: Alpha, kind: supply, since: 1999}\n  - {partner: Mid, kind: other}\n"
                       "rankings:\n  - {year: 2020, list: L, rank: 2}\n  - {year: 2010, list: L, rank: 5}\n");
  BriefCheck c = CheckBriefFile(fs, "a.yaml", true);
  REQUIRE_MESSAGE(c.brief.has_value(), First(c));
  REQUIRE(c.brief->partnerships.size() == 3);
  CHECK(c.brief->partnerships[0].partner == "Zeta");
  CHECK(c.brief->partnerships[1].partner == "Alpha");
  CHECK(c.brief->partnerships[2].partner == "Mid");
  CHECK(c.brief->rankings[0].year == 2010);
}
