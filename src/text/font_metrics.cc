#include "text/font_metrics.h"

#include <algorithm>
#include <atomic>

namespace brief {

FontMetrics::FontMetrics() {
  static std::atomic<uint64_t> next{1};
  id_ = next++;
}

FixedMetrics::FixedMetrics(int advance, int faces, std::vector<int> missing)
    : advance_(advance), faces_(faces), missing_(std::move(missing)) {
  for (int f = 0; f < faces_; ++f) {
    std::vector<int> chain = {f};
    for (int k = 2; k < faces_; ++k) chain.push_back(k);
    chains_.push_back(std::move(chain));
  }
}

bool FixedMetrics::HasGlyph(int face, int cp) const {
  if (std::find(missing_.begin(), missing_.end(), cp) != missing_.end()) return false;
  if (cp >= 0x3000) return face == 2;
  return true;
}

void FixedMetrics::Shape(int, const ShapeRequest& r, std::vector<Glyph>* out) const {
  size_t first = out->size();
  for (int i = r.start; i < r.end; ++i) {
    Glyph g;
    g.id = static_cast<uint32_t>(r.text[static_cast<size_t>(i)]);
    g.cluster = i;
    g.advance = static_cast<float>(advance_);
    out->push_back(g);
  }
  if (r.rtl) std::reverse(out->begin() + static_cast<long>(first), out->end());
}

}  // namespace brief
