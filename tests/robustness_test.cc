// Mutated briefs (flipped bytes, stray YAML tokens, lost and repeated
// lines, broken indentation) must each give diagnostics or a PDF: never an
// exception, a crash or a silent nothing.
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "app/brief_renderer.h"
#include "template/load_template.h"
#include "validate/check_brief.h"

using namespace brief;

namespace {

// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Random {
  uint64_t state;
  size_t Below(size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % (n ? n : 1));
  }
};

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string Mutate(std::string text, Random& r) {
  static const std::string kTokens[] = {":", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "\t",
                                        "\xff", std::string("\0", 1), "#", "|", ">", "? ",
                                        "!!str ", "---\n", "\n  ", "1e999", "-1", "2024-02-30",
                                        "\xe2\x80\xae", "\xf0\x9f\x98\x80", "~", "null", ".inf"};
  int kind = static_cast<int>(r.Below(5));
  int edits = 1 + static_cast<int>(r.Below(5));
  for (int e = 0; e < edits; ++e) {
    std::vector<std::string> lines = SplitLines(text);
    switch (kind) {
      case 0:
        if (!text.empty()) text[r.Below(text.size())] = static_cast<char>(r.Below(256));
        break;
      case 1:
        text.insert(r.Below(text.size() + 1), kTokens[r.Below(sizeof kTokens / sizeof *kTokens)]);
        break;
      case 2:
        if (lines.size() > 2) lines.erase(lines.begin() + static_cast<long>(r.Below(lines.size())));
        text = Join(lines);
        break;
      case 3:
        lines.insert(lines.begin() + static_cast<long>(r.Below(lines.size())), lines[r.Below(lines.size())]);
        text = Join(lines);
        break;
      default: {
        std::string& l = lines[r.Below(lines.size())];
        l = std::string(r.Below(7), ' ') + l.substr(std::min(l.find_first_not_of(' '), l.size()));
        text = Join(lines);
      }
    }
  }
  return text;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("robustness: 600 mutated briefs each give diagnostics or a one-page PDF") {
  DiskFileSystem disk;
  std::vector<Diagnostic> problems;
  auto tmpl = LoadTemplateFile(disk, "templates/classic.yaml", &problems);
  REQUIRE(tmpl.has_value());
  std::string error;
  auto renderer = BriefRenderer::Create(*tmpl, "fonts", &error);
  REQUIRE_MESSAGE(renderer != nullptr, error);
  const std::string sources[] = {ReadAll("briefs/avtotor.yaml"), ReadAll("tests/briefs/valid/full.yaml")};
  Random r{20261125};
  int valid = 0, rendered = 0;
  for (int i = 0; i < 600; ++i) {
    std::string text = Mutate(sources[i % 2], r);
    MemoryFileSystem fs;
    fs.Add("m.yaml", text);
    fs.Add("logos/acme.png", ReadAll("tests/briefs/valid/logos/acme.png"));
    BriefCheck check = CheckBriefFile(fs, "m.yaml", false);
    INFO("mutation " << i << ":\n" << text);
    if (!check.brief) {
      CHECK(check.errors() > 0);
      for (const Diagnostic& d : check.diagnostics) CHECK_FALSE(d.message.empty());
      continue;
    }
    ++valid;
    // The logo path resolves in memory; give the renderer the real file.
    if (!check.brief->company.logo_path.empty()) check.brief->company.logo_path = "tests/briefs/valid/logos/acme.png";
    RenderOutcome outcome = renderer->Render(*check.brief, "m.yaml", -1);
    if (outcome.ok) {
      ++rendered;
      CHECK(outcome.pdf.rfind("%PDF-", 0) == 0);
      CHECK(outcome.pdf.find("/Count 1") != std::string::npos);
    } else {
      CHECK(CountSeverity(outcome.diagnostics, Severity::kError) > 0);
    }
  }
  MESSAGE(valid << " mutations stayed valid, " << rendered << " rendered");
  CHECK(valid > 10);  // The mutations are not all fatal: rendering is exercised too.
}
