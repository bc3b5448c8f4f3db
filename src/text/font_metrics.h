// What the text stage needs from fonts: coverage, shaping and vertical
// metrics, and nothing about PDFs or files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace brief {

// Faces are numbered: kRegular, kBold, then the template's fallbacks.
enum FaceId { kRegular = 0, kBold = 1 };

// One shaped glyph. Units are 1/1000 em, so a size in points turns them into
// points by `value * size / 1000`.
struct Glyph {
  uint32_t id = 0;      // Glyph id in its face (never 0, .notdef).
  int cluster = 0;      // Index of the first code point of its cluster.
  float advance = 0;    // Horizontal advance.
  float dx = 0, dy = 0; // Offset from the pen position (dy upward).
  bool unsafe_to_break = false;  // Breaking before this cluster needs reshaping.
};

// What to shape: code points [start, end) of `text`, the rest of which is
// context (Arabic joining across a font change, say).
struct ShapeRequest {
  const std::vector<int>& text;
  int start = 0, end = 0;
  bool rtl = false;
  uint32_t script = 0;  // ISO 15924 tag as HarfBuzz spells it (HB_SCRIPT_*), 0: guess.
};

// Per-face glyph coverage and shaping. Implementations are immutable once
// built and safe to share between threads.
class FontMetrics {
 public:
  FontMetrics();
  virtual ~FontMetrics() = default;

  // A number no other FontMetrics of this process has (caches key on it).
  uint64_t id() const { return id_; }

  // Number of faces (at least 2: regular and bold).
  virtual int FaceCount() const = 0;

  // The faces to try, in order, for text asked in `face`: the face itself,
  // then the fallbacks (in their bold form where `face` is bold and one exists).
  virtual const std::vector<int>& Chain(int face) const = 0;

  // True when `face` has a glyph for code point `cp`.
  virtual bool HasGlyph(int face, int cp) const = 0;

  // Shapes request.text[start, end) in `face`, appending glyphs in visual
  // order (right to left runs come out reversed) to *out.
  virtual void Shape(int face, const ShapeRequest& request, std::vector<Glyph>* out) const = 0;

  // Ascender (positive) and descender (negative) of a face, 1/1000 em.
  virtual int Ascent(int face) const = 0;
  virtual int Descent(int face) const = 0;

  // True when the face is a bold design.
  virtual bool IsBold(int face) const = 0;

  // The number of the face that `face` draws with: a fallback's bold slot
  // whose family has no bold face draws with the regular one, and text
  // should name that one (so a PDF embeds the font once).
  virtual int Canonical(int face) const { return face; }

 private:
  uint64_t id_;
};

// Metrics for tests: every code point is one glyph (its id the code point)
// `advance` wide, except code points in `missing` (absent from every face)
// and those >= 0x3000 (only in face 2, if there is one). No ligatures, no
// kerning; right-to-left runs are reversed.
class FixedMetrics : public FontMetrics {
 public:
  explicit FixedMetrics(int advance = 500, int faces = 2, std::vector<int> missing = {});
  int FaceCount() const override { return faces_; }
  const std::vector<int>& Chain(int face) const override {
    return chains_[static_cast<size_t>(face)];
  }
  bool HasGlyph(int face, int cp) const override;
  void Shape(int face, const ShapeRequest& request, std::vector<Glyph>* out) const override;
  int Ascent(int) const override { return 800; }
  int Descent(int) const override { return -200; }
  bool IsBold(int face) const override { return face == kBold; }

 private:
  int advance_;
  int faces_;
  std::vector<int> missing_;
  std::vector<std::vector<int>> chains_;
};

}  // namespace brief
