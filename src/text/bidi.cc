#include "text/bidi.h"

#include <algorithm>
#include <memory>

#include <unicode/ubidi.h>

#include "text/unicode.h"

namespace brief {

std::vector<uint8_t> BidiLevels(const std::vector<int>& text, uint8_t* base_level) {
  std::vector<uint8_t> levels(text.size(), 0);
  *base_level = 0;
  if (!MayNeedBidi(text)) return levels;
  // ICU works in UTF-16: encode, remembering where each code point starts.
  std::vector<UChar> utf16;
  std::vector<int32_t> unit_of;
  utf16.reserve(text.size() + 8);
  for (int cp : text) {
    unit_of.push_back(static_cast<int32_t>(utf16.size()));
    if (cp >= 0x10000) {
      utf16.push_back(static_cast<UChar>(0xD800 + ((cp - 0x10000) >> 10)));
      utf16.push_back(static_cast<UChar>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      utf16.push_back(static_cast<UChar>(cp));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(
      ubidi_openSized(static_cast<int32_t>(utf16.size()), 0, &status), ubidi_close);
  if (U_FAILURE(status)) return levels;
  ubidi_setPara(bidi.get(), utf16.data(), static_cast<int32_t>(utf16.size()), UBIDI_DEFAULT_LTR,
                nullptr, &status);
  if (U_FAILURE(status)) return levels;
  const UBiDiLevel* unit_levels = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status)) return levels;
  for (size_t i = 0; i < text.size(); ++i) levels[i] = unit_levels[unit_of[i]];
  *base_level = ubidi_getParaLevel(bidi.get()) & 1;
  return levels;
}

std::vector<int> VisualOrder(const std::vector<uint8_t>& levels) {
  std::vector<int> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (levels.empty()) return order;
  uint8_t highest = *std::max_element(levels.begin(), levels.end());
  uint8_t lowest_odd = 255;
  for (uint8_t l : levels) {
    if (l & 1) lowest_odd = std::min(lowest_odd, l);
  }
  if (lowest_odd == 255) return order;
  for (int level = highest; level >= lowest_odd; --level) {
    for (size_t i = 0; i < order.size();) {
      if (levels[static_cast<size_t>(order[i])] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < order.size() && levels[static_cast<size_t>(order[j])] >= level) ++j;
      std::reverse(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
      i = j;
    }
  }
  return order;
}

}  // namespace brief
