#include "render/font_embedder.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "base/utf8.h"
#include "render/deflate.h"

namespace brief {

namespace {

// Deflate levels: font programs are most of the bytes, and level 1 costs
// the Avtotor page 198 bytes more than level 6 (19,744 against 19,546) for
// 0.5 M fewer instructions per brief (measured with callgrind); text
// streams (content, ToUnicode) take level 6.
constexpr int kFontLevel = 1;
constexpr int kTextLevel = 6;

// A new dictionary registered in the document's cross-reference table.
HPDF_Dict NewIndirectDict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (dict && HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

// A new stream dictionary holding `bytes`, deflated at `level`.
HPDF_Dict NewStream(HPDF_Doc pdf, const std::string& bytes, int level) {
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!stream || !PutDeflated(stream, bytes, level)) return nullptr;
  return stream;
}

HPDF_Array IntArray(HPDF_Doc pdf, std::initializer_list<int> values) {
  HPDF_Array array = HPDF_Array_New(pdf->mmgr);
  for (int v : values) HPDF_Array_AddNumber(array, v);
  return array;
}

void AppendUtf16Hex(std::string_view utf8, std::string* out) {
  std::string bytes;
  for (int cp : ToCodePoints(utf8)) AppendUtf16Be(cp, &bytes);
  for (unsigned char b : bytes) *out += fmt::format("{:02X}", b);
}

}  // namespace

std::string SubsetTag(const std::string& name, const std::vector<uint32_t>& glyphs) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  auto mix = [&](uint64_t v) {
    h ^= v;
    h *= 1099511628211ULL;
  };
  for (char c : name) mix(static_cast<unsigned char>(c));
  for (uint32_t g : glyphs) mix(g);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

std::string ToUnicodeCMap(const std::vector<std::pair<uint32_t, std::string>>& glyph_to_text) {
  std::string text =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per bfchar block (PDF reference, 5.9.2).
  for (size_t i = 0; i < glyph_to_text.size(); i += 100) {
    size_t n = std::min<size_t>(100, glyph_to_text.size() - i);
    text += fmt::format("{} beginbfchar\n", n);
    for (size_t k = i; k < i + n; ++k) {
      text += fmt::format("<{:04X}> <", glyph_to_text[k].first);
      AppendUtf16Hex(glyph_to_text[k].second, &text);
      text += ">\n";
    }
    text += "endbfchar\n";
  }
  return text + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

bool EmbeddedFont::Embed(PdfDocument& doc, const FontFace& face, const std::vector<uint32_t>& glyphs,
                         const std::unordered_map<uint32_t, std::string>& to_unicode, std::string* error) {
  HPDF_Doc pdf = doc.get();
  auto subset = face.Subset(glyphs, &new_id_, error);
  if (!subset) return false;
  // Subset glyph → (face glyph, text), sorted by subset glyph.
  std::map<uint32_t, uint32_t> by_new_id;
  for (uint32_t g : glyphs) by_new_id.emplace(new_id_.at(g), g);
  std::vector<std::pair<uint32_t, std::string>> cmap;
  for (const auto& [new_id, g] : by_new_id) {
    width_[g] = face.GlyphAdvance(g);  // Exact: a multiple of 1000 / units per em.
    auto it = to_unicode.find(g);
    if (it != to_unicode.end() && !it->second.empty()) cmap.push_back({new_id, it->second});
  }
  std::string name = SubsetTag(face.postscript_name(), glyphs) + "+" + face.postscript_name();

  HPDF_Dict file = NewStream(pdf, *subset, kFontLevel);
  HPDF_Dict descriptor = NewIndirectDict(pdf);
  HPDF_Dict cid = NewIndirectDict(pdf);
  type0_ = NewIndirectDict(pdf);
  HPDF_Dict unicode_map = NewStream(pdf, ToUnicodeCMap(cmap), kTextLevel);
  if (!file || !descriptor || !cid || !type0_ || !unicode_map) {
    *error = "out of memory building font objects";
    return false;
  }
  HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset->size()));

  const int* bbox = face.bbox();
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags", 32);  // Nonsymbolic.
  HPDF_Dict_Add(descriptor, "FontBBox", IntArray(pdf, {bbox[0], bbox[1], bbox[2], bbox[3]}));
  HPDF_Dict_AddNumber(descriptor, "ItalicAngle", 0);
  HPDF_Dict_AddNumber(descriptor, "Ascent", face.ascent());
  HPDF_Dict_AddNumber(descriptor, "Descent", face.descent());
  HPDF_Dict_AddNumber(descriptor, "CapHeight", face.cap_height());
  HPDF_Dict_AddNumber(descriptor, "StemV", face.bold() ? 140 : 80);
  HPDF_Dict_Add(descriptor, "FontFile2", file);

  // Widths: "g [w]" for each glyph, runs of consecutive glyphs merged.
  HPDF_Array widths = HPDF_Array_New(pdf->mmgr);
  HPDF_Array run = nullptr;
  int previous = -2;
  for (const auto& [new_id, g] : by_new_id) {
    int id = static_cast<int>(new_id);
    if (id != previous + 1) {
      HPDF_Array_AddNumber(widths, id);
      run = HPDF_Array_New(pdf->mmgr);
      HPDF_Array_Add(widths, run);
    }
    double w = width_[g];
    if (w == std::floor(w)) {
      HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(w));
    } else {
      HPDF_Array_AddReal(run, static_cast<HPDF_REAL>(w));
    }
    previous = id;
  }
  HPDF_Dict system = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_Add(system, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system, "Supplement", 0);
  HPDF_Dict_AddName(cid, "Type", "Font");
  HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
  HPDF_Dict_Add(cid, "CIDSystemInfo", system);
  HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
  HPDF_Dict_Add(cid, "W", widths);
  HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

  HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(descendants, cid);
  HPDF_Dict_AddName(type0_, "Type", "Font");
  HPDF_Dict_AddName(type0_, "Subtype", "Type0");
  HPDF_Dict_AddName(type0_, "BaseFont", name.c_str());
  HPDF_Dict_AddName(type0_, "Encoding", "Identity-H");
  HPDF_Dict_Add(type0_, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0_, "ToUnicode", unicode_map);
  if (!doc.ok()) {
    *error = doc.error();
    return false;
  }
  return true;
}

void EmbeddedFont::AppendCode(uint32_t glyph, std::string* out) const {
  auto it = new_id_.find(glyph);
  uint32_t id = it == new_id_.end() ? 0 : it->second;
  for (unsigned char byte : {static_cast<unsigned char>(id >> 8), static_cast<unsigned char>(id & 0xFF)}) {
    switch (byte) {
      case '(': case ')': case '\\': out->push_back('\\'); out->push_back(static_cast<char>(byte)); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      default: out->push_back(static_cast<char>(byte));
    }
  }
}

double EmbeddedFont::Width(uint32_t glyph) const {
  auto it = width_.find(glyph);
  return it == width_.end() ? 0 : it->second;
}

}  // namespace brief
