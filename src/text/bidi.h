// The Unicode Bidirectional Algorithm (UAX #9), through ICU.
#pragma once

#include <cstdint>
#include <vector>

namespace brief {

// Embedding levels of one paragraph, one per code point: even left to
// right, odd right to left. The paragraph's direction comes from its first
// strong character (rules P2, P3), left to right when it has none.
// *base_level is set to 0 or 1.
std::vector<uint8_t> BidiLevels(const std::vector<int>& text, uint8_t* base_level);

// Visual order of items with these levels (rule L2): reverses every maximal
// sequence at or above each odd level, highest first. Returns the items'
// indexes left to right.
std::vector<int> VisualOrder(const std::vector<uint8_t>& levels);

}  // namespace brief
