// The faces a template uses, prepared once per process: FontMetrics for the
// text stage and the font files for embedding.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fonts/font_face.h"
#include "template/template.h"
#include "text/font_metrics.h"

namespace brief {

class FontSet : public FontMetrics {
 public:
  // Locates and loads the template's regular, bold and fallback fonts, and
  // the bold face of each fallback family where it has one. Returns nullptr
  // with *error naming the font that failed.
  static std::unique_ptr<FontSet> ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error);

  int FaceCount() const override { return static_cast<int>(faces_.size()); }
  const std::vector<int>& Chain(int face) const override {
    return chains_[static_cast<size_t>(face)];
  }
  bool HasGlyph(int face, int cp) const override { return get(face).HasGlyph(cp); }
  void Shape(int face, const ShapeRequest& request, std::vector<Glyph>* out) const override {
    get(face).Shape(request, out);
  }
  int Ascent(int face) const override { return get(face).ascent(); }
  int Descent(int face) const override { return get(face).descent(); }

  const FontFace& face(int i) const { return get(i); }

 private:
  const FontFace& get(int i) const { return *faces_[static_cast<size_t>(i)]; }

  std::vector<std::unique_ptr<FontFace>> faces_;
  std::vector<std::vector<int>> chains_;  // Per face: itself, then its fallbacks.
};

}  // namespace brief
