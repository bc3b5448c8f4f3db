// The faces a template uses, prepared once per process: FontMetrics for
// layout and the font files for embedding.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fonts/font_face.h"
#include "layout/font_metrics.h"
#include "template/template.h"

namespace brief {

class FontSet : public FontMetrics {
 public:
  // Locates and loads the template's regular, bold and fallback fonts.
  // Returns nullptr with *error naming the font that failed.
  static std::unique_ptr<FontSet> ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error);

  int FaceCount() const override { return static_cast<int>(faces_.size()); }
  int Advance(int face, int cp) const override { return faces_[static_cast<size_t>(face)]->Advance(cp); }
  int Ascent(int face) const override { return faces_[static_cast<size_t>(face)]->ascent(); }
  int Descent(int face) const override { return faces_[static_cast<size_t>(face)]->descent(); }

  const FontFace& face(int i) const { return *faces_[static_cast<size_t>(i)]; }

 private:
  std::vector<std::unique_ptr<FontFace>> faces_;
};

}  // namespace brief
