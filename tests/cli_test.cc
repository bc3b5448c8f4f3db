// End-to-end runs of the real binary: output and exit status.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/pdf_checks.h"
#include "tests/run_binary.h"

namespace fs = std::filesystem;

TEST_CASE("cli: validate the sample briefs") {
  Run r = RunBrief("validate briefs/");
  CHECK(r.status == 0);
  CHECK(r.err == "1 brief checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
  CHECK(r.out == "");
}

TEST_CASE("cli: an invalid brief exits 1 with source excerpts, or file:line:col lines with --format short") {
  Run excerpt = RunBrief("validate tests/briefs/invalid/currency.yaml");
  CHECK(excerpt.status == 1);
  CHECK(excerpt.err ==
        "error: revenue[1].currency: 'RUR' is not an ISO 4217 code (did you mean 'RUB'?)\n"
        "  --> tests/briefs/invalid/currency.yaml:20:15\n"
        "   |\n"
        "20 |     currency: RUR\n"
        "   |               ^^^\n"
        "   = hint: RUR (Russian rouble) was retired in 1998; use RUB\n"
        "\n"
        "error: revenue[2].currency: 'usd' is not an ISO 4217 code (did you mean 'USD'?)\n"
        "  --> tests/briefs/invalid/currency.yaml:23:15\n"
        "   |\n"
        "23 |     currency: usd\n"
        "   |               ^^^\n"
        "   = hint: currency codes are written in capitals\n"
        "\n"
        "error: revenue[3].currency: 'QQQ' is not an ISO 4217 code\n"
        "  --> tests/briefs/invalid/currency.yaml:26:15\n"
        "   |\n"
        "26 |     currency: QQQ\n"
        "   |               ^^^\n"
        "\n"
        "1 brief checked: 0 valid, 1 invalid (3 errors, 0 warnings)\n");
  // Colour only when asked for or forced; NO_COLOR wins over CLICOLOR_FORCE, --color over both.
  const std::string red = "\033[1;31merror\033[0m";
  CHECK(RunBrief("validate --color always tests/briefs/invalid/currency.yaml").err.find(red) == 0);
  CHECK(RunBrief("validate tests/briefs/invalid/currency.yaml", "CLICOLOR_FORCE=1").err.find(red) == 0);
  CHECK(RunBrief("validate tests/briefs/invalid/currency.yaml", "CLICOLOR_FORCE=0").err.find("\033") == std::string::npos);
  CHECK(RunBrief("validate tests/briefs/invalid/currency.yaml", "NO_COLOR=1 CLICOLOR_FORCE=1").err.find("\033") ==
        std::string::npos);
  CHECK(RunBrief("validate --color always tests/briefs/invalid/currency.yaml", "NO_COLOR=1").err.find(red) == 0);
  CHECK(RunBrief("validate --color never tests/briefs/invalid/currency.yaml", "CLICOLOR_FORCE=1").err.find("\033") ==
        std::string::npos);
  CHECK(RunBrief("validate --color sometimes briefs").err ==
        "brief: error: validate: --color must be auto, always or never, not 'sometimes'\n");

  Run r = RunBrief("validate --format short tests/briefs/invalid/currency.yaml");
  CHECK(r.status == 1);
  CHECK(r.err ==
        "tests/briefs/invalid/currency.yaml:20:15: error: revenue[1].currency: 'RUR' is not an ISO "
        "4217 code (did you mean 'RUB'?)\n"
        "  hint: RUR (Russian rouble) was retired in 1998; use RUB\n"
        "tests/briefs/invalid/currency.yaml:23:15: error: revenue[2].currency: 'usd' is not an ISO "
        "4217 code (did you mean 'USD'?)\n"
        "  hint: currency codes are written in capitals\n"
        "tests/briefs/invalid/currency.yaml:26:15: error: revenue[3].currency: 'QQQ' is not an ISO "
        "4217 code\n"
        "1 brief checked: 0 valid, 1 invalid (3 errors, 0 warnings)\n");
}

TEST_CASE("cli: warnings pass, --strict makes them errors") {
  Run r = RunBrief("validate --format short tests/briefs/invalid/history-order.yaml");
  CHECK(r.status == 0);
  CHECK(r.err.find(":14:11: warning: history[2].date: history is out of order") != std::string::npos);
  Run strict = RunBrief("validate --format short --strict tests/briefs/invalid/history-order.yaml");
  CHECK(strict.status == 1);
  CHECK(strict.err.find(":14:11: error: history[2].date: history is out of order") != std::string::npos);
}

TEST_CASE("cli: folders expand to their briefs, sorted, results are per file") {
  Run r = RunBrief("validate --format short --quiet tests/briefs/valid briefs/avtotor.yaml");
  CHECK(r.status == 0);
  CHECK(r.err == "");
  Run mixed = RunBrief("validate --format short briefs tests/briefs/invalid/empty.yaml");
  CHECK(mixed.status == 1);
  CHECK(mixed.err ==
        "tests/briefs/invalid/empty.yaml: error: the file is empty; a brief is a YAML mapping "
        "starting with 'brief: 1'\n"
        "2 briefs checked: 1 valid, 1 invalid (1 error, 0 warnings)\n"
        "  invalid: tests/briefs/invalid/empty.yaml (1 error)\n");
}

TEST_CASE("cli: JSON output, one object per brief on stdout, then a summary object") {
  Run r = RunBrief("validate --format json briefs/avtotor.yaml tests/briefs/invalid/version.yaml");
  CHECK(r.status == 1);
  std::string summary = r.out.substr(r.out.rfind("{\"summary\""));
  CHECK(std::regex_match(summary, std::regex(R"(\{"summary":\{"checked":2,"valid":1,"invalid":1,"errors":1,"warnings":0,"seconds":[0-9]+\.[0-9]{3}\}\}\n)")));
  CHECK(r.out.substr(0, r.out.size() - summary.size()) ==
        "{\"file\":\"briefs/avtotor.yaml\",\"valid\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}\n"
        "{\"file\":\"tests/briefs/invalid/version.yaml\",\"valid\":false,\"errors\":1,\"warnings\":0,"
        "\"diagnostics\":[{\"severity\":\"error\",\"file\":\"tests/briefs/invalid/version.yaml\","
        "\"line\":1,\"column\":8,\"path\":\"brief\",\"message\":\"format version 2 is not supported; "
        "only 1 exists\",\"hint\":\"\"}]}\n");
}

TEST_CASE("cli: missing inputs and folders without briefs are errors for that input") {
  Run r = RunBrief("validate --format short no/such.yaml tests/briefs/invalid/logos");
  CHECK(r.status == 1);
  CHECK(r.err ==
        "no/such.yaml: error: no such file or folder\n"
        "tests/briefs/invalid/logos: error: folder holds no .yaml or .yml files\n"
        "2 briefs checked: 0 valid, 2 invalid (2 errors, 0 warnings)\n"
        "  invalid: no/such.yaml (1 error)\n"
        "  invalid: tests/briefs/invalid/logos (1 error)\n");
}

TEST_CASE("cli: usage errors exit 2") {
  Run none = RunBrief("");
  CHECK(none.status == 2);
  CHECK(none.err.rfind("brief: error: no command given", 0) == 0);
  Run typo = RunBrief("validat briefs");
  CHECK(typo.status == 2);
  CHECK(typo.err == "brief: error: unknown command 'validat' (did you mean 'validate'?); commands: "
                    "validate, render, mail, manifest, templates, init, schema, watch, completion\n");
  Run option = RunBrief("validate --bogus briefs");
  CHECK(option.status == 2);
  CHECK(option.err == "brief: error: validate: unknown option '--bogus'; see 'brief validate --help'\n");
  // A misspelt option gets a suggestion; an abbreviation is not taken for the option.
  Run typo_option = RunBrief("render --forse briefs");
  CHECK(typo_option.status == 2);
  CHECK(typo_option.err == "brief: error: render: unknown option '--forse' (did you mean '--force'?); "
                           "see 'brief render --help'\n");
  CHECK(RunBrief("render --pru briefs").status == 2);
  // SOURCE_DATE_EPOCH is digits only.
  CHECK(RunBrief("render briefs/avtotor.yaml -o /nonexistent", "SOURCE_DATE_EPOCH=' 17'").status == 2);
  CHECK(RunBrief("render briefs/avtotor.yaml -o /nonexistent", "SOURCE_DATE_EPOCH=+17").status == 2);
  Run format = RunBrief("validate --format xml briefs");
  CHECK(format.status == 2);
  CHECK(format.err == "brief: error: validate: --format must be text, short, json or github, not 'xml'\n");
  Run nothing = RunBrief("validate");
  CHECK(nothing.status == 2);
}

TEST_CASE("cli: --help, COMMAND --help and --version") {
  Run help = RunBrief("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: brief <command>") == 0);
  Run sub = RunBrief("validate --help");
  CHECK(sub.status == 0);
  CHECK(sub.out.find("--strict") != std::string::npos);
  Run version = RunBrief("--version");
  CHECK(version.status == 0);
  CHECK(version.out == "brief 0.1.0\n");
}

TEST_CASE("cli: folder entries named like briefs that are not files are errors, not skipped") {
  TempDir dir;
  fs::copy_file("briefs/avtotor.yaml", dir.path + "/avtotor.yaml");
  fs::create_directory(dir.path + "/folder.yaml");
  fs::create_symlink("/nonexistent/brief.yaml", dir.path + "/broken.yml");
  Run r = RunBrief("validate --format short " + dir.path);
  CHECK(r.status == 1);
  CHECK(r.err == dir.path + "/broken.yml: error: is named like a brief but is not a regular file\n" +
                 dir.path + "/folder.yaml: error: is named like a brief but is not a regular file\n"
                 "3 briefs checked: 1 valid, 2 invalid (2 errors, 0 warnings)\n"
        "  invalid: " + dir.path + "/broken.yml (1 error)\n"
        "  invalid: " + dir.path + "/folder.yaml (1 error)\n");
}

TEST_CASE("cli: validate and render agree, brief by brief, over the corpus and both templates") {
  // Every brief that validate passes, render renders, with the same diagnostics.
  for (const char* tmpl : {"classic", "compact"}) for (const char* folder : {"briefs", "tests/briefs/valid", "tests/briefs/render", "tests/briefs/scripts", "tests/briefs/mail"}) {
    TempDir out;  // A folder at a time: two folders may hold briefs of the same name.
    std::string inputs = std::string(" ") + folder;
    Run v = RunBrief(std::string("validate --format json -t ") + tmpl + inputs);
    Run r = RunBrief(std::string("render --format json -t ") + tmpl + inputs + " -o " + out.path);
    CHECK(v.status == r.status);
    std::vector<std::string> vl = Lines(v.out), rl = Lines(r.out);
    REQUIRE(vl.size() == rl.size());
    for (size_t i = 0; i + 1 < vl.size(); ++i) {
      // {"file":F,"valid":B,...,"diagnostics":D} against {"file":F,...,"ok":B,"diagnostics":D}
      bool valid = vl[i].find("\"valid\":true") != std::string::npos;
      bool ok = rl[i].find("\"ok\":true") != std::string::npos;
      std::string vd = vl[i].substr(vl[i].find("\"diagnostics\":"));
      std::string rd = rl[i].substr(rl[i].find("\"diagnostics\":"));
      CHECK_MESSAGE(valid == ok, tmpl << ": " << vl[i]);
      CHECK_MESSAGE(vd == rd, tmpl << ": " << vl[i] << "\n" << rl[i]);
      // A finding about a field (overflow, missing glyphs) says where the field is.
      CHECK_MESSAGE(vd.find("\"line\":0,\"column\":0,\"path\":\"\"") == vd.find("\"line\":0"), vl[i]);
    }
  }
  CHECK(RunBrief("validate --no-layout tests/briefs/render/stress.yaml").status == 0);
  CHECK(RunBrief("validate tests/briefs/render/stress.yaml").status == 1);
  CHECK(RunBrief("help render").out.rfind("usage: brief render [options] PATH...", 0) == 0);
}
