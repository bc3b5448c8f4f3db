// Text in the world's scripts, end to end: each brief in tests/briefs/scripts
// renders with no missing glyph, stays small, and its text reads back as
// written with two different readers: poppler's pdftotext, which orders
// characters by position and honours /ActualText, and MuPDF's mutool
// (1.21), which takes them in content order and ignores /ActualText. Where
// one glyph stands for characters in another order (an Indic vowel sign
// drawn before its consonant) or for different text in different words
// (Thai SARA AM is drawn as NIKHAHIT + SARA AA), only /ActualText can say
// the text: there mutool's guess is not held against the page, which must
// carry /ActualText spans instead.
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/pdf_checks.h"
#include "tests/run_binary.h"

namespace fs = std::filesystem;

namespace {

// Removes white space (line breaks from wrapping, the spaces they replace)
// and the directional embedding marks pdftotext puts around right-to-left
// text (U+202A..U+202E), which are presentation, not content.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) >= 0xAA && static_cast<unsigned char>(text[i + 2]) <= 0xAE) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

struct Script {
  const char* brief;       // tests/briefs/scripts/NAME.yaml
  const char* template_name;
  std::vector<std::string> texts;  // Fields that must read back exactly.
  // Lines mixing directions, which each reader orders its own way: every
  // word (punctuation aside) must read back.
  std::vector<std::string> mixed;
  // mutool reads all of `texts` exactly; otherwise each reads exactly or
  // is in the line's /ActualText.
  bool content_order_exact = true;
};

const std::vector<Script>& Scripts() {
  static const std::vector<Script> scripts = {
      {"iran-khodro", "classic", {"Iran Khodro ایران خودرو"},
       {"founded as Iran National (ایران ناسیونال).",
        "آغاز تولید پیکان در تهران با 6000 دستگاه در سال اول"}},
      {"abdul-latif-jameel", "classic",
       {"عبد اللطيف جميل للسيارات", "بدأت توزيع سيارات تويوتا في المملكة العربية السعودية"}, {}},
      {"mobileye", "classic", {"Mobileye מובילאיי"}, {"הונפקה בבורסת נאסד״ק בניו יורק (NYSE)"}},
      {"tata-motors", "classic", {"टाटा मोटर्स लिमिटेड", "टाटा नैनो का उत्पादन शुरू हुआ"}, {}, false},
      {"pragoti", "classic", {"প্রগতি ইন্ডাস্ট্রিজ লিমিটেড", "মিতসুবিশি পাজেরো সংযোজন শুরু"}, {},
       false},
      {"thai-rung", "classic",
       {"ไทยรุ่งยูเนี่ยนคาร์",
        "เริ่มผลิตรถยนต์อเนกประสงค์สำหรับครอบครัว"},
       {}, false},
      {"hyundai", "classic", {"현대자동차", "한국 최초의 독자 모델 포니 생산 시작", "정의선"}, {}},
      {"toyota", "classic",
       {"トヨタ自動車株式会社", "小型乗用車トヨペットSA型を発売し、戦後初の本格的な乗用車生産を始めた。"},
       {}},
      {"byd", "classic", {"比亚迪 BYD", "比亚迪股份有限公司", "王传福", "在深圳成立，最初生产充电电池。"}, {}},
      {"officine", "compact",
       {"Officine Fiat Affiliates", "Coachbuilder whose offices fulfilled official and affluent orders."},
       {}},
  };
  return scripts;
}

// The words of a text without ASCII punctuation.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    std::string bare;
    for (char c : w) {
      if (!std::ispunct(static_cast<unsigned char>(c))) bare.push_back(c);
    }
    if (!bare.empty()) words.push_back(bare);
  }
  return words;
}

}  // namespace

TEST_CASE("scripts: every script renders without a missing glyph and reads back as written") {
  for (const Script& s : Scripts()) {
    INFO(s.brief);
    TempDir out;
    std::string brief = std::string("tests/briefs/scripts/") + s.brief + ".yaml";
    Run r = RunBrief("render -t " + std::string(s.template_name) + " " + brief + " -o " + out.path);
    CHECK(r.status == 0);
    CHECK(WithoutTimes(r.err) == "rendered 1, up to date 0, failed 0 in T s (" + out.path + ")\n");  // No warning.
    std::string pdf = out.path + "/" + s.brief + ".pdf";
    CheckPdf(pdf, s.template_name == std::string("classic") ? "595.276 x 841.89 pts (A4)"
                                                             : "612 x 792 pts (letter)");
    CHECK(fs::file_size(pdf) <= 30 * 1024);
    std::string poppler = Squeeze(Text(pdf));
    Run mupdf = RunShell("mutool draw -q -F txt '" + pdf + "' 2>/dev/null");
    REQUIRE(mupdf.status == 0);
    std::string mu = Squeeze(mupdf.out);
    std::string content = RunShell("qpdf --qdf --object-streams=disable '" + pdf + "' -").out;
    bool spans = content.find("/Span <</ActualText <feff") != std::string::npos;
    for (const std::string& t : s.texts) {
      INFO(t);
      CHECK(poppler.find(Squeeze(t)) != std::string::npos);
      if (s.content_order_exact) {
        CHECK(mu.find(Squeeze(t)) != std::string::npos);
      } else {
        // Read right through the glyphs' own text, or the page says it with
        // /ActualText (which pdftotext, reading it, gets right above).
        CHECK((mu.find(Squeeze(t)) != std::string::npos || spans));
      }
    }
    for (const std::string& t : s.mixed) {
      for (const std::string& w : Words(t)) {
        INFO(w);
        CHECK(poppler.find(Squeeze(w)) != std::string::npos);
        CHECK(mu.find(Squeeze(w)) != std::string::npos);
      }
    }
  }
}

TEST_CASE("scripts: bold text the main font lacks takes the fallback family's bold face") {
  TempDir out;
  RunBrief("render -q tests/briefs/scripts/hyundai.yaml -o " + out.path);
  Run fonts = RunShell("pdffonts " + out.path + "/hyundai.pdf");
  CHECK(fonts.out.find("+NanumGothic ") != std::string::npos);      // The native name.
  CHECK(fonts.out.find("+NanumGothicBold ") != std::string::npos);  // The person's name.
}

TEST_CASE("scripts: bold asked of a fallback with no bold face is emboldened, the font embedded once") {
  TempDir out;
  RunBrief("render -q tests/briefs/scripts/byd.yaml -o " + out.path);
  std::string pdf = out.path + "/byd.pdf";
  Run fonts = RunShell("pdffonts " + pdf + " | grep -c DroidSansFallback");
  CHECK(fonts.out == "1\n");
  std::string content = RunShell("qpdf --qdf --object-streams=disable " + pdf + " -").out;
  CHECK(content.find("2 Tr") != std::string::npos);  // Filled and stroked.
  CHECK(content.find("0 Tr") != std::string::npos);  // And back for the next text.
}

TEST_CASE("scripts: glyph 0 is never drawn or mapped") {
  for (const Script& s : Scripts()) {
    INFO(s.brief);
    TempDir out;
    std::string brief = std::string("tests/briefs/scripts/") + s.brief + ".yaml";
    RunBrief("render -q -t " + std::string(s.template_name) + " " + brief + " -o " + out.path);
    Run qdf = RunShell("qpdf --qdf --object-streams=disable '" + out.path + "/" + s.brief +
                       ".pdf' -");
    REQUIRE(qdf.status == 0);
    for (const std::string& line : Lines(qdf.out)) {
      bool glyph0 = line.rfind("<0000> <", 0) == 0 && line != "<0000> <FFFF>";  // Not the codespace.
      CHECK_MESSAGE(!glyph0, line);  // No ToUnicode entry for glyph 0.
    }
    // Every glyph string in a TJ array: no 0000 among its 4-digit codes.
    int strings = 0;
    for (const std::string& line : Lines(qdf.out)) {
      if (line.size() < 3 || line.compare(line.size() - 2, 2, "TJ") != 0) continue;
      for (size_t open = line.find('<'); open != std::string::npos; open = line.find('<', open + 1)) {
        size_t close = line.find('>', open);
        REQUIRE(close != std::string::npos);
        ++strings;
        for (size_t k = open + 1; k + 4 <= close; k += 4) CHECK(line.substr(k, 4) != "0000");
      }
    }
    CHECK(strings > 10);
  }
}
