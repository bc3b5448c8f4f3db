// Line-break opportunities by UAX #14, through ICU: spaces, hyphens,
// between Chinese and Japanese characters (never before closing
// punctuation), between Thai, Lao, Khmer and Burmese words (ICU's
// dictionaries), never at a no-break space.
#pragma once

#include <cstdint>
#include <vector>

namespace brief {

// breaks[i] is true when a line may start at code point i (0 < i < size).
// breaks[0] is false.
std::vector<uint8_t> LineBreakOpportunities(const std::vector<int>& text);

}  // namespace brief
