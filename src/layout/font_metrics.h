// What layout needs to know about fonts, and nothing about PDFs.
#pragma once

#include <vector>

namespace brief {

// Faces are numbered: kRegular, kBold, then the template's fallbacks (2, 3, ...).
enum FaceId { kRegular = 0, kBold = 1 };

// Per-face glyph metrics in 1/1000 em. Implementations are immutable once
// built and safe to share between threads.
class FontMetrics {
 public:
  virtual ~FontMetrics() = default;

  // Number of faces (at least 2: regular and bold).
  virtual int FaceCount() const = 0;

  // Advance width of code point `cp` in face `face`, or -1 when the face has
  // no glyph for it.
  virtual int Advance(int face, int cp) const = 0;

  // Ascender (positive) and descender (negative) of a face.
  virtual int Ascent(int face) const = 0;
  virtual int Descent(int face) const = 0;
};

// Metrics for tests: every glyph `advance` wide, except code points in
// `missing` (absent from every face) and those >= 0x3000 (only in face 2, if
// there is one).
class FixedMetrics : public FontMetrics {
 public:
  explicit FixedMetrics(int advance = 500, int faces = 2, std::vector<int> missing = {})
      : advance_(advance), faces_(faces), missing_(std::move(missing)) {}
  int FaceCount() const override { return faces_; }
  int Advance(int face, int cp) const override {
    for (int m : missing_) {
      if (m == cp) return -1;
    }
    if (cp >= 0x3000) return face == 2 ? advance_ : -1;
    return advance_;
  }
  int Ascent(int) const override { return 800; }
  int Descent(int) const override { return -200; }

 private:
  int advance_;
  int faces_;
  std::vector<int> missing_;
};

}  // namespace brief
