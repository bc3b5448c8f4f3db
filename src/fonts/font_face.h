// One TrueType font file, loaded once per process and shared read-only.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct hb_face_t;
struct hb_font_t;

namespace brief {

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
  // Advance in 1/1000 em, or -1 when the font has no glyph for cp. BMP
  // answers are cached on first use; concurrent callers may both compute an
  // entry, and store the same value (relaxed atomics make that benign).
  int Advance(int cp) const {
    if (cp < 0 || cp >= 0x10000) return LookUp(cp);
    std::atomic<int16_t>& slot = bmp_[static_cast<size_t>(cp)];
    int16_t v = slot.load(std::memory_order_relaxed);
    if (v == kUnknown) {
      v = static_cast<int16_t>(LookUp(cp));
      slot.store(v, std::memory_order_relaxed);
    }
    return v;
  }
  int ascent() const { return ascent_; }    // 1/1000 em, positive
  int descent() const { return descent_; }  // 1/1000 em, negative
  int cap_height() const { return cap_height_; }  // 1/1000 em
  // Glyph bounding box of the whole font (head table), 1/1000 em:
  // x_min, y_min, x_max, y_max.
  const int* bbox() const { return bbox_; }
  bool bold() const { return bold_; }

  // A TrueType font holding only the glyphs for `code_points` (plus .notdef),
  // without hinting or layout tables, for embedding; and in *glyph_ids the
  // subset's glyph id for each code point (same order). nullopt and *error
  // on failure.
  std::optional<std::string> Subset(const std::vector<int>& code_points,
                                    std::vector<int>* glyph_ids, std::string* error) const;

 private:
  FontFace() = default;
  // Advance of cp straight from HarfBuzz, or -1.
  int LookUp(int cp) const;

  std::string path_;
  std::string postscript_name_;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;                // Immutable: safe to query from threads.
  unsigned upem_ = 1000;
  std::vector<std::pair<unsigned, float>> axes_;  // Variable font: axis tag → value.
  static constexpr int16_t kUnknown = -2;
  std::unique_ptr<std::atomic<int16_t>[]> bmp_;  // 65,536 cached advances.
  int ascent_ = 800, descent_ = -200, cap_height_ = 700;
  int bbox_[4] = {0, -200, 1000, 900};
  bool bold_ = false;
};

}  // namespace brief
