// End-to-end rendering: the PDFs themselves, read back with poppler-utils
// and qpdf.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>

#include "tests/pdf_checks.h"
#include "tests/run_binary.h"

namespace fs = std::filesystem;


TEST_CASE("render: the Avtotor brief becomes one clean, small page with its key facts") {
  TempDir out;
  Run r = RunBrief("render briefs/avtotor.yaml -o " + out.path);
  CHECK(r.status == 0);
  CHECK(WithoutTimes(r.err) == "rendered 1, up to date 0, failed 0 in T s (" + out.path + ")\n");
  std::string pdf = out.path + "/avtotor.pdf";
  CheckPdf(pdf, "595.276 x 841.89 pts (A4)");
  CHECK(fs::file_size(pdf) <= 20 * 1024);
  std::string text = Text(pdf);
  for (const char* fact :
       {"Avtotor", "Автотор", "Kaliningrad, Russia", "1996", "Founded", "Valery Gorbunov",
        "Chairman of the board", "Founded in Kaliningrad", "69", "38", "▲31", "≈€4.0 bn",
        "≈₽249.7 bn", "May 2022 · Operations disrupted", "PARTIALLY RESOLVED", "Motorinvest",
        "DFSK (Dongfeng Sokon)", "Technology-neutral platform", "BMW", "KIA", "Hyundai", "Ford Cargo",
        "Contract assembly", "Mass production of EVs", "RIA News", "https://ria.ru", "brief 0.1.0",
        "Revenue 2021", "No. 38", "Private"}) {
    CHECK_MESSAGE(text.find(fact) != std::string::npos, "missing: " << fact);
  }
  // Nothing said twice: the as-of date is the header's, the founding year
  // the headline strip's, the industry and headquarters the sub-title's.
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  };
  CHECK(count("As of 2024") == 1);
  CHECK(count("as of") == 0);
  CHECK(count("Founded 1996") == 0);
  CHECK(count("Kaliningrad, Russia") == 1);
  CHECK(count("Automotive manufacturing") == 1);
  CHECK(count("Private") == 1);
  Run info = RunShell("pdfinfo '" + pdf + "'");
  CHECK(info.out.find("Title:           Avtotor — company brief\n") != std::string::npos);
  CHECK(info.out.find("Creator:         brief 0.1.0\n") != std::string::npos);
  CHECK(info.out.find("Keywords:        Avtotor, Автотор,") != std::string::npos);
  CHECK(info.out.find("CreationDate:    Mon Jan  1 00:00:00 2024 UTC") != std::string::npos);
  // One link annotation, for the source's URL, drawn without a border.
  std::string qdf = RunShell("qpdf --qdf --object-streams=disable '" + pdf + "' -").out;
  CHECK(qdf.find("/URI (https://ria.ru)") != std::string::npos);
  CHECK(qdf.find("/Border [\n    0\n    0\n    0\n  ]") != std::string::npos);
}

TEST_CASE("render: metadata for mail and archives: author, language, the title shown, printable links, a file identifier") {
  TempDir in, out;
  std::string brief = ReadWhole("briefs/avtotor.yaml");
  std::ofstream(in.path + "/a.yaml") << brief;
  std::ofstream(in.path + "/b.yaml") << std::string("language: ru\n") + brief;
  std::ofstream(in.path + "/c.yaml") << std::string("prepared_by: Анна Петрова, research desk\n") + brief;
  CHECK(RunBrief("render -q " + in.path + " -o " + out.path).status == 0);
  auto read = [&](const std::string& name) {
    return RunShell("/usr/bin/python3 -c \"import pikepdf; p = pikepdf.open('" + out.path + "/" + name +
                    "'); print(str(p.Root.Lang)); print(bool(p.Root.ViewerPreferences.DisplayDocTitle)); "
                    "print([int(a.F) for a in p.pages[0].Annots]); print(bytes(p.trailer.ID[0]).hex(), "
                    "bytes(p.trailer.ID[1]).hex()); print(str(p.docinfo.get('/Author', '')))\"").out;
  };
  std::vector<std::string> a = Lines(read("a.pdf")), b = Lines(read("b.pdf")), c = Lines(read("c.pdf"));
  REQUIRE(a.size() >= 4);
  REQUIRE(b.size() >= 4);
  REQUIRE(c.size() == 5);
  CHECK(a[0] == "en");
  CHECK(a[1] == "True");
  CHECK(a[2] == "[4]");
  CHECK(a[3].size() == 65);
  CHECK(a[3].substr(0, 32) == a[3].substr(33));  // One identifier, twice: never modified.
  CHECK(b[0] == "ru");
  CHECK(b[3] == a[3]);  // The same page: the identifier comes from what it shows.
  CHECK(c[4] == "Анна Петрова, research desk");
  CHECK(c[3] != a[3]);  // The footer names who prepared it: another page.
  CHECK(RunShell("pdfinfo " + out.path + "/c.pdf").out.find("Author:          Анна Петрова, research desk\n") !=
        std::string::npos);
  CHECK(Text(out.path + "/c.pdf").find("Prepared by Анна Петрова, research desk") != std::string::npos);
  // Another page, another identifier; the same page again, the same bytes.
  std::ofstream(in.path + "/b.yaml") << std::regex_replace(brief, std::regex("name: Avtotor"), "name: Avtotor Group");
  CHECK(RunBrief("render -q " + in.path + " -o " + out.path).status == 0);
  CHECK(Lines(read("b.pdf"))[3] != a[3]);
}

TEST_CASE("render: every brief in briefs/ and tests/briefs/valid renders with both templates") {
  for (const char* name : {"classic", "compact"}) {
    TempDir out;
    Run r = RunBrief(std::string("render -t ") + name + " briefs tests/briefs/valid -o " + out.path);
    CHECK(r.status == 0);
    CHECK(r.err.find("failed 0 in ") != std::string::npos);
    std::string size = std::string(name) == "classic" ? "595.276 x 841.89 pts (A4)"
                                                      : "612 x 792 pts (letter)";
    std::vector<std::string> pdfs = PdfsIn(out.path);
    for (const std::string& name : pdfs) CheckPdf(out.path + "/" + name, size);
    CHECK(pdfs.size() == 7);
  }
}

TEST_CASE("render: the same input gives the same bytes, SOURCE_DATE_EPOCH sets the date") {
  TempDir a, b, c;
  RunBrief("render briefs/avtotor.yaml tests/briefs/valid/full.yaml -o " + a.path);
  RunBrief("render briefs/avtotor.yaml tests/briefs/valid/full.yaml -o " + b.path);
  for (const char* f : {"/avtotor.pdf", "/full.pdf"}) {
    CHECK(ReadWhole(a.path + f) == ReadWhole(b.path + f));
    CHECK_FALSE(ReadWhole(a.path + f).empty());
  }
  Run r = RunBrief("render briefs/avtotor.yaml -o " + c.path, "SOURCE_DATE_EPOCH=1700000000");
  CHECK(r.status == 0);
  CHECK(RunShell("pdfinfo " + c.path + "/avtotor.pdf").out.find("Tue Nov 14 22:13:20 2023 UTC") !=
        std::string::npos);
  CHECK(RunBrief("render briefs/avtotor.yaml -o " + c.path, "SOURCE_DATE_EPOCH=yesterday").status == 2);
  // Beyond a PDF date's four-digit year: a usage error, not a failure per brief.
  Run far = RunBrief("render briefs/avtotor.yaml -o " + c.path, "SOURCE_DATE_EPOCH=999999999999999");
  CHECK(far.status == 2);
  CHECK(far.err == "brief: error: SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to "
                   "253402300799 (the end of 9999), not '999999999999999'\n");
  CHECK(RunBrief("render briefs/avtotor.yaml -o " + c.path, "SOURCE_DATE_EPOCH=99999999999999999999").status == 2);
}

TEST_CASE("render: a brief that cannot fit fails, names the sections and writes nothing") {
  TempDir out;
  Run r = RunBrief("render --format short tests/briefs/render/stress.yaml -o " + out.path);
  CHECK(r.status == 1);
  // One error per column, at the key of its first section that overflows.
  CHECK(r.err.find("tests/briefs/render/stress.yaml:4:1: error: company: the brief does not fit on one page even "
                   "at the minimum type size (6.5 pt): about ") == 0);
  CHECK(r.err.find("tests/briefs/render/stress.yaml:33:12: error: company.summary: the brief does not fit on one "
                   "page even at the minimum type size (6.5 pt): about ") != std::string::npos);
  // In an author's terms: lines, and how many of the section's items.
  Run h = RunBrief("render --format short tests/briefs/render/long-history.yaml -o " + out.path);
  CHECK(h.status == 1);
  CHECK(h.err.find("tests/briefs/render/long-history.yaml:10:1: error: history: the brief does not fit on one page even "
                   "at the minimum type size (6.5 pt): about 15 lines too many in its column: cut 12 of the 70 "
                   "history events\n  hint: shorten the sections of that column, or use a template with more room\n") == 0);
  CHECK_FALSE(fs::exists(out.path + "/stress.pdf"));
  // Only the manifest, which records the failure; no temporary file left behind.
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(out.path)) left.push_back(entry.path().filename().string());
  CHECK(left == std::vector<std::string>{"manifest.json"});
}

TEST_CASE("render: an invalid brief writes nothing and leaves an earlier good PDF alone") {
  TempDir out, briefs;
  fs::copy_file("briefs/avtotor.yaml", briefs.path + "/acme.yaml");
  CHECK(RunBrief("render " + briefs.path + " -o " + out.path).status == 0);
  std::string good = ReadWhole(out.path + "/acme.pdf");
  REQUIRE(good.size() > 1000);
  fs::copy_file("tests/briefs/invalid/currency.yaml", briefs.path + "/acme.yaml",
                fs::copy_options::overwrite_existing);
  Run r = RunBrief("render --format short " + briefs.path + " -o " + out.path);
  CHECK(r.status == 1);
  CHECK(r.err.find("acme.yaml:20:15: error: revenue[1].currency") != std::string::npos);
  CHECK(ReadWhole(out.path + "/acme.pdf") == good);
  CHECK(PdfsIn(out.path) == std::vector<std::string>{"acme.pdf"});
  // The summary and the manifest say the PDF is out of date.
  CHECK(r.err.find("  failed: " + briefs.path + "/acme.yaml (3 errors; " + out.path +
                   "/acme.pdf is from an earlier run)\n") != std::string::npos);
  std::string manifest = ReadWhole(out.path + "/manifest.json");
  CHECK(manifest.find("\"status\": \"failed\",\n      \"sha256\": null") != std::string::npos);
}

TEST_CASE("render: missing glyphs are one warning per field, the same from validate, --strict refuses") {
  const std::string warning =
      "tests/briefs/render/emoji.yaml:7:9: warning: company.name: no font of the template has "
      "'𓀀', '𞋀' (U+13000, U+1E2C0); they will not show\n"
      "  hint: add a font that has them to the template's fonts.fallback\n";
  TempDir out;
  Run r = RunBrief("render --format short tests/briefs/render/emoji.yaml -o " + out.path);
  CHECK(r.status == 0);
  CHECK(r.err.rfind(warning, 0) == 0);
  CHECK(fs::exists(out.path + "/emoji.pdf"));
  // The emoji is drawn by the symbol fallback; nothing undrawn is in the text.
  RunShell("pdftotext " + out.path + "/emoji.pdf " + out.path + "/emoji.txt");
  std::string text = ReadWhole(out.path + "/emoji.txt");
  CHECK(text.substr(0, text.find('\n')) == "Smiley Motors 😀");
  Run v = RunBrief("validate --format short tests/briefs/render/emoji.yaml");
  CHECK(v.status == 0);
  CHECK(v.err == warning + "1 brief checked: 1 valid, 0 invalid (0 errors, 1 warning)\n");
  TempDir strict;
  Run s = RunBrief("render --format short --strict tests/briefs/render/emoji.yaml -o " + strict.path);
  CHECK(s.status == 1);
  CHECK_FALSE(fs::exists(strict.path + "/emoji.pdf"));
  Run vs = RunBrief("validate --format short --strict tests/briefs/render/emoji.yaml");
  CHECK(vs.status == 1);
  CHECK(vs.err.find("7:9: error: company.name: no font of the template has") != std::string::npos);
}

TEST_CASE("render: text the main font lacks is drawn with the template's fallback font") {
  TempDir out;
  Run r = RunBrief("render tests/briefs/valid/cjk.yaml -o " + out.path);
  CHECK(r.status == 0);
  CHECK(WithoutTimes(r.err) == "rendered 1, up to date 0, failed 0 in T s (" + out.path + ")\n");
  std::string pdf = out.path + "/cjk.pdf";
  CheckPdf(pdf, "595.276 x 841.89 pts (A4)");
  CHECK(RunShell("pdffonts " + pdf).out.find("DroidSansFallback") != std::string::npos);
  CHECK(Text(pdf).find("比亚迪股份有限公司") != std::string::npos);
}

TEST_CASE("render: usage errors and machine-readable results") {
  TempDir out;
  Run bad = RunBrief("render -t clasic briefs -o " + out.path);
  CHECK(bad.status == 2);
  CHECK(bad.err == "brief: error: no such template 'clasic' (did you mean 'classic'?); templates: "
                   "classic, compact (brief templates lists them)\n");
  Run json = RunBrief("render --format json briefs tests/briefs/invalid/version.yaml -o " + out.path);
  CHECK(json.status == 1);
  std::vector<std::string> lines = Lines(json.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "{\"file\":\"briefs/avtotor.yaml\",\"output\":\"" + out.path +
                        "/avtotor.pdf\",\"status\":\"rendered\",\"ok\":true,\"diagnostics\":[]}");
  CHECK(lines[1].find("{\"file\":\"tests/briefs/invalid/version.yaml\",\"output\":null,\"status\":\"failed\",\"ok\":false,") == 0);
  // JSON output ends with one summary object.
  CHECK(lines[2].find("{\"summary\":{\"rendered\":1,\"up_to_date\":0,\"failed\":1,\"not_started\":0,") == 0);
}

TEST_CASE("render: two briefs with the same file name would overwrite each other: the second fails") {
  TempDir out;
  Run r = RunBrief("render --format short tests/briefs/valid/minimal.yml tests/briefs/valid/minimal.yml -o " + out.path);
  CHECK(r.status == 0);  // The same file twice is processed once.
  TempDir briefs;
  fs::create_directories(briefs.path + "/a");
  fs::copy_file("tests/briefs/valid/minimal.yml", briefs.path + "/a/x.yaml");
  fs::copy_file("tests/briefs/valid/minimal.yml", briefs.path + "/x.yml");
  Run twice = RunBrief("render --format short " + briefs.path + "/a/x.yaml " + briefs.path + "/x.yml -o " + out.path);
  CHECK(twice.status == 1);
  CHECK(twice.err.find(briefs.path + "/x.yml: error: " + out.path + "/x.pdf is also the output of " +
                       briefs.path + "/a/x.yaml; rename one of the briefs") != std::string::npos);
}

TEST_CASE("render: parallel rendering gives the same files and the same report as serial") {
  TempDir serial, parallel;
  std::string inputs = " briefs tests/briefs/valid tests/briefs/render tests/briefs/invalid/version.yaml";
  Run one = RunBrief("render -j 1" + inputs + " -o " + serial.path);
  Run many = RunBrief("render -j 4" + inputs + " -o " + parallel.path);
  CHECK(one.status == 1);  // stress.yaml and version.yaml fail.
  CHECK(many.status == 1);
  std::string expected = WithoutTimes(one.err);
  size_t at;
  while ((at = expected.find(serial.path)) != std::string::npos) expected.replace(at, serial.path.size(), parallel.path);
  CHECK(WithoutTimes(many.err) == expected);
  std::vector<std::string> pdfs = PdfsIn(serial.path);
  CHECK(pdfs == PdfsIn(parallel.path));
  for (const std::string& name : pdfs) {
    CHECK(ReadWhole(serial.path + "/" + name) == ReadWhole(parallel.path + "/" + name));
  }
  CHECK(pdfs.size() == 9);
  // The manifests differ only in where the PDFs went.
  std::string manifest = ReadWhole(parallel.path + "/manifest.json");
  CHECK(manifest == ReadWhole(serial.path + "/manifest.json"));
  CHECK(RunBrief("render -j 0 briefs -o " + parallel.path).status == 2);
}

TEST_CASE("render: extreme amounts give finite numbers on the page") {
  TempDir out;
  Run r = RunBrief("render tests/briefs/render/extreme-amounts.yaml -o " + out.path);
  CHECK(r.status == 0);
  std::string pdf = out.path + "/extreme-amounts.pdf";
  CheckPdf(pdf, "595.276 x 841.89 pts (A4)");
  std::string content = RunShell("qpdf --qdf --object-streams=disable " + pdf + " -").out;
  CHECK(content.find("inf") == std::string::npos);
  CHECK(content.find("nan") == std::string::npos);
  CHECK(Text(pdf).find("$1000 tn") != std::string::npos);
}

TEST_CASE("render: a damaged logo fails its brief only, the batch goes on") {
  TempDir in, out;
  std::string brief = ReadWhole("briefs/avtotor.yaml");
  auto with_logo = [&](const std::string& name, const std::string& image) {
    fs::copy_file("tests/images/" + image, in.path + "/" + image, fs::copy_options::overwrite_existing);
    std::string text = brief;
    text.replace(text.find("  industry:"), 0, "  logo: " + image + "\n");
    std::ofstream(in.path + "/" + name + ".yaml") << text;
  };
  with_logo("a-good", "good.png");
  with_logo("b-bad-crc", "bad-crc.png");
  with_logo("c-huge", "huge-ihdr.png");
  with_logo("d-jpeg", "good.jpg");
  with_logo("e-frame-only", "frame-only.jpg");
  Run r = RunBrief("render -j 2 " + in.path + " -o " + out.path);
  CHECK(r.status == 1);
  CHECK(r.err.find("b-bad-crc.yaml:") != std::string::npos);
  CHECK(r.err.find("company.logo: logo 'bad-crc.png' is a damaged PNG: IDAT: CRC error") != std::string::npos);
  CHECK(r.err.find("company.logo: logo 'huge-ihdr.png' is 100000 × 100000 pixels; the limit for a "
                   "logo is 16 megapixels") != std::string::npos);
  CHECK(r.err.find("company.logo: logo 'frame-only.jpg' is a damaged JPEG") != std::string::npos);
  CHECK(r.err.find("rendered 2, up to date 0, failed 3 in ") != std::string::npos);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(out.path)) files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  // No temporary file left.
  CHECK(files == std::vector<std::string>{"a-good.pdf", "d-jpeg.pdf", "manifest.json"});
  CheckPdf(out.path + "/d-jpeg.pdf", "595.276 x 841.89 pts (A4)");
}

TEST_CASE("render: a brief that crashes the renderer costs only itself") {
  TempDir in, out;
  for (const char* name : {"a", "b", "c", "d"}) {
    fs::copy_file("briefs/avtotor.yaml", in.path + "/" + name + ".yaml");
  }
  for (const char* jobs : {"1", "2"}) {
    INFO("-j " << jobs);
    fs::remove_all(out.path);
    // BRIEF_TEST_CRASH makes rendering abort on the brief whose path has it.
    Run r = RunBrief("render --format short -j " + std::string(jobs) + " " + in.path + " -o " + out.path,
                     "BRIEF_TEST_CRASH=/b.yaml");
    CHECK(r.status == 1);
    CHECK(r.err.find(in.path + "/b.yaml: error: rendering this brief crashed (signal 6 (Aborted)); "
                     "no PDF was written for it, and the other briefs were rendered") == 0);
    CHECK(r.err.find("rendered 3, up to date 0, failed 1 in ") != std::string::npos);
    CHECK(r.err.find("  failed: " + in.path + "/b.yaml (1 error)\n") != std::string::npos);
    for (const char* name : {"a", "c", "d"}) CHECK(fs::exists(out.path + "/" + name + ".pdf"));
    CHECK_FALSE(fs::exists(out.path + "/b.pdf"));
  }
}

TEST_CASE("render -o FILE: a crash is reported as a worker's is, in each format, and writes nothing") {
  // One brief to one file renders in this process (no worker), under a
  // guard that reports a fatal signal.
  TempDir out;
  std::string pdf = out.path + "/x.pdf";
  Run r = RunBrief("render --format short briefs/avtotor.yaml -o " + pdf, "BRIEF_TEST_CRASH=avtotor");
  CHECK(r.status == 1);
  CHECK(r.err == "briefs/avtotor.yaml: error: rendering this brief crashed (signal 6 (Aborted)); no PDF was "
                 "written\n  hint: please report it with the brief attached\n");
  CHECK(r.out.empty());
  CHECK(fs::is_empty(out.path));
  r = RunBrief("render --format json briefs/avtotor.yaml -o " + pdf, "BRIEF_TEST_CRASH=avtotor");
  CHECK(r.status == 1);
  CHECK(r.out.find(R"({"file":"briefs/avtotor.yaml","output":null,"status":"failed","ok":false,"diagnostics":[{"severity":"error","file":"briefs/avtotor.yaml","line":0,"column":0,"path":"","message":"rendering this brief crashed (signal 6 (Aborted)); no PDF was written")") == 0);
  CHECK(r.out.find("\n{\"summary\":{\"rendered\":0,\"up_to_date\":0,\"failed\":1,") != std::string::npos);
  CHECK(r.err.empty());
  r = RunBrief("render --format github briefs/avtotor.yaml -o " + pdf, "BRIEF_TEST_CRASH=avtotor");
  CHECK(r.status == 1);
  CHECK(r.out.find("::error file=briefs/avtotor.yaml,title=brief::rendering this brief crashed (signal 6 (Aborted))") == 0);
  CHECK(fs::is_empty(out.path));
}

TEST_CASE("render -o FILE --format json: the brief's object and a summary on standard output") {
  TempDir out;
  std::string pdf = out.path + "/x.pdf";
  Run r = RunBrief("render --format json briefs/avtotor.yaml -o " + pdf);
  CHECK(r.status == 0);
  CHECK(r.out.find("{\"file\":\"briefs/avtotor.yaml\",\"output\":\"" + pdf +
                   "\",\"status\":\"rendered\",\"ok\":true,\"diagnostics\":[]}\n"
                   "{\"summary\":{\"rendered\":1,\"up_to_date\":0,\"failed\":0,\"not_started\":0,\"pruned\":0,"
                   "\"orphans\":0,\"output\":\"" + pdf + "\",\"manifest\":null,\"seconds\":") == 0);
  CHECK(r.err.empty());
  CheckPdf(pdf, "595.276 x 841.89 pts (A4)");
  // An invalid brief: its diagnostics in the object, no file.
  TempDir in;
  std::ofstream(in.path + "/bad.yaml") << "brief: 1\n";
  r = RunBrief("render --format json " + in.path + "/bad.yaml -o " + out.path + "/bad.pdf");
  CHECK(r.status == 1);
  CHECK(r.out.find("\"status\":\"failed\",\"ok\":false,\"diagnostics\":[{\"severity\":\"error\"") != std::string::npos);
  CHECK(r.out.find("\"message\":\"missing required key 'company'\"") != std::string::npos);
  CHECK_FALSE(fs::exists(out.path + "/bad.pdf"));
}

TEST_CASE("render -o FILE: unreadable inputs, an interrupt and a closed standard output") {
  TempDir out;
  std::string pdf = out.path + "/x.pdf";
  // An input that is not there: an object and a summary in JSON, an
  // annotation on standard output for GitHub.
  Run r = RunBrief("render --format json nosuch.yaml -o " + pdf);
  CHECK(r.status == 1);
  CHECK(r.out.find(R"({"file":"nosuch.yaml","output":null,"status":"failed","ok":false,"diagnostics":[{"severity":"error","file":"nosuch.yaml","line":0,"column":0,"path":"","message":"no such file or folder","hint":""}]})"
                   "\n{\"summary\":{\"rendered\":0,\"up_to_date\":0,\"failed\":1,") == 0);
  r = RunBrief("render --format github nosuch.yaml -o " + pdf);
  CHECK(r.status == 1);
  CHECK(r.out == "::error file=nosuch.yaml,title=brief::no such file or folder\n");
  // SIGTERM while the brief renders (BRIEF_TEST_DELAY_MS holds it before
  // the write): exit 143, nothing written.
  r = RunShell("BRIEF_TEST_DELAY_MS=1000 " + std::string(BRIEF_BINARY) + " render briefs/avtotor.yaml -o " + pdf +
               " & pid=$!; sleep 0.3; kill -TERM $pid; wait $pid; echo status=$?");
  CHECK(r.out == "status=143\n");
  CHECK(r.err == "brief: interrupted (Terminated); " + pdf + " was not written\n");
  CHECK(fs::is_empty(out.path));
  // A standard output closed before the report: exit 1 with a message,
  // not death by SIGPIPE.
  r = RunShell("/usr/bin/python3 -c 'import subprocess, sys\n"
               "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)\n"
               "p.stdout.close()\n"
               "print(p.wait())' " +
               std::string(BRIEF_BINARY) + " render --format json briefs/avtotor.yaml -o " + pdf);
  CHECK(r.out == "1\n");
  CHECK(r.err.find("brief: error: cannot write to standard output: Broken pipe") != std::string::npos);
}

TEST_CASE("render: --author names who prepared every brief, in the PDF and the footer, and counts as config") {
  TempDir out;
  Run r = RunBrief("render -q briefs/avtotor.yaml -o " + out.path + " --author 'Анна Петрова, research desk'");
  CHECK(r.status == 0);
  std::string pdf = out.path + "/avtotor.pdf";
  CHECK(RunShell("pdfinfo '" + pdf + "'").out.find("Author:          Анна Петрова, research desk\n") != std::string::npos);
  CHECK(Text(pdf).find("Prepared by Анна Петрова, research desk") != std::string::npos);
  std::string manifest = ReadWhole(out.path + "/manifest.json");
  CHECK(manifest.find("\"author\": \"Анна Петрова, research desk\"") != std::string::npos);
  // The same author: up to date. Another, or none: rendered again.
  CHECK(RunBrief("render briefs/avtotor.yaml -o " + out.path + " --author 'Анна Петрова, research desk'").err.find("rendered 0, up to date 1") == 0);
  CHECK(RunBrief("render briefs/avtotor.yaml -o " + out.path + " --author 'Desk'").err.find("rendered 1, up to date 0") == 0);
  CHECK(RunBrief("render briefs/avtotor.yaml -o " + out.path).err.find("rendered 1, up to date 0") == 0);
  CHECK(ReadWhole(out.path + "/manifest.json").find("\"author\"") == std::string::npos);
  CHECK(RunShell("pdfinfo '" + pdf + "'").out.find("Author:") == std::string::npos);
  // Usage errors, exit 2.
  Run empty = RunBrief("render briefs/avtotor.yaml -o " + out.path + " --author ' '");
  CHECK(empty.status == 2);
  CHECK(empty.err == "brief: error: render: --author needs a name, as in --author 'Research desk'\n");
  Run lines = RunBrief("render briefs/avtotor.yaml -o " + out.path + " --author \"$(printf 'a\\nb')\"");
  CHECK(lines.status == 2);
  CHECK(lines.err == "brief: error: render: --author must be one line of text, without control characters\n");
  Run longer = RunBrief("render briefs/avtotor.yaml -o " + out.path + " --author " + std::string(81, 'x'));
  CHECK(longer.status == 2);
  CHECK(longer.err == "brief: error: render: --author is 81 characters long; the limit is 80\n");
}

TEST_CASE("render: PDF 1.4, the version of the features used, and links only over their text") {
  TempDir out;
  CHECK(RunBrief("render -q tests/briefs/valid/full.yaml -o " + out.path).status == 0);
  std::string pdf = out.path + "/full.pdf";
  CHECK(ReadWhole(pdf).substr(0, 9) == "%PDF-1.4\n");
  // Every stream is deflated (by libdeflate, the logo by libharu) and reads back.
  Run streams = RunShell("/usr/bin/python3 -c \"import pikepdf\np = pikepdf.open('" + pdf + "')\n"
                         "for o in p.objects:\n  if isinstance(o, pikepdf.Stream): f = o.get('/Filter'); "
                         "print(list(f) == [pikepdf.Name.FlateDecode] if isinstance(f, pikepdf.Array) else f == pikepdf.Name.FlateDecode, "
                         "len(o.read_bytes()) > 0)\"");
  std::vector<std::string> filters = Lines(streams.out);
  CHECK(filters.size() >= 6);  // Page content, two font programs, two ToUnicode maps, the logo.
  for (const std::string& f : filters) CHECK(f == "True True");
  CHECK(RunShell("qpdf --check '" + pdf + "'").status == 0);
  // Each link's area against the words pdftotext finds inside it: the area
  // hugs the link text (no more than a few points wider than its words).
  Run links = RunShell("/usr/bin/python3 -c \"import pikepdf\np = pikepdf.open('" + pdf + "')\n"
                       "for a in p.pages[0].Annots: r = [float(v) for v in a.Rect]; print(round(r[2] - r[0], 1), str(a.A.URI))\"");
  std::vector<std::string> rows = Lines(links.out);
  REQUIRE(rows.size() >= 3);
  for (const std::string& row : rows) {
    double width = std::stod(row);
    INFO(row);
    CHECK(width > 20);
    CHECK(width < 200);  // The footer column is over 450 points wide.
  }
}
