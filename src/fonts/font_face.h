// One TrueType font file, loaded once per process and shared read-only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/font_metrics.h"

struct hb_face_t;
struct hb_font_t;

namespace brief {

// Reads n bytes of a font file from offset `at`: fewer (or none) past its
// end.
using FontBytes = std::function<std::string_view(uint64_t at, uint64_t n)>;

// What is wrong with the font file at `path` (`size` bytes, read through
// `read`), face `index` of a collection: "" for a TrueType font whose table
// directory lies inside the file, every table within the file's size, with
// the tables every font has and at least one glyph. Otherwise the message
// FontFace::Load gives (truncated, CFF-flavoured, foreign, damaged).
std::string FontFileProblem(const std::string& path, unsigned index, uint64_t size, const FontBytes& read);

// FontFileProblem of the file at `path` with a few small reads (no
// mapping): false with *error when it cannot be read or has a problem. A
// cheap check of a font loaded later, when first needed.
bool CheckFontFile(const std::string& path, unsigned index, std::string* error);

class FontFace {
 public:
  // Loads a TrueType (glyf) font. Returns nullptr and sets *error for a
  // missing, truncated or CFF-flavoured (OTF) file, which cannot be embedded.
  // `index` is fontconfig's: the face in a collection in the low 16 bits, 1 +
  // a variable font's named instance above them; that instance's axis
  // values are then used for metrics and frozen into subsets.
  static std::unique_ptr<FontFace> Load(const std::string& path, int index, std::string* error);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& path() const { return path_; }
  // PostScript name from the name table, e.g. "DejaVuSans-Bold".
  const std::string& postscript_name() const { return postscript_name_; }
  // True when the font maps cp to a glyph.
  bool HasGlyph(int cp) const { return NominalGlyph(cp) != 0; }
  // The glyph the font's character map gives cp (0: none).
  uint32_t NominalGlyph(int cp) const;
  // Shapes request.text[start, end) with HarfBuzz (default features, the
  // rest of the text as context), appending glyphs in visual order.
  void Shape(const ShapeRequest& request, std::vector<Glyph>* out) const;
  // True when the face's ccmp feature is proved to change only text with
  // combining marks (ccmp_analysis.h): Shape then leaves it off for runs
  // without marks in Latin, Cyrillic, Greek or Common script.
  bool CcmpNeedsMarks() const;
  // A glyph's advance, 1/1000 em (the instance's, for a variable font).
  float GlyphAdvance(uint32_t glyph) const;
  int ascent() const { return ascent_; }    // 1/1000 em, positive
  int descent() const { return descent_; }  // 1/1000 em, negative
  int cap_height() const { return cap_height_; }  // 1/1000 em
  // Glyph bounding box of the whole font (head table), 1/1000 em:
  // x_min, y_min, x_max, y_max.
  const int* bbox() const { return bbox_; }
  bool bold() const { return bold_; }

  // A TrueType font holding only `glyphs` (plus .notdef and the parts of
  // composite glyphs), without hinting, layout tables or cmap, for
  // embedding; *new_ids maps each glyph to its id in the subset. nullopt
  // and *error on failure.
  std::optional<std::string> Subset(const std::vector<uint32_t>& glyphs,
                                    std::unordered_map<uint32_t, uint32_t>* new_ids,
                                    std::string* error) const;

 private:
  FontFace() = default;
  // Shape leaves ccmp off for this run (script: an hb_script_t).
  bool WithoutCcmp(const ShapeRequest& r, uint32_t script) const;
  std::string path_;
  std::string postscript_name_;
  hb_face_t* face_ = nullptr;
  // The tables an embedded subset keeps (no cmap, layout or hinting
  // tables), sharing face_'s data: subsetting it skips reading the whole
  // character map for every page.
  hb_face_t* embed_face_ = nullptr;
  hb_font_t* font_ = nullptr;                // Immutable: safe to query from threads.
  unsigned upem_ = 1000;
  std::vector<std::pair<unsigned, float>> axes_;  // Variable font: axis tag → value.
  int ascent_ = 800, descent_ = -200, cap_height_ = 700;
  int bbox_[4] = {0, -200, 1000, 900};
  bool bold_ = false;           // head's macStyle, or a variable font's instance at weight 600+.
  bool instance_bold_ = false;
};

}  // namespace brief
