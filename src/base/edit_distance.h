// "Did you mean" support: edit distance and nearest-candidate lookup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace brief {

// Damerau-Levenshtein distance, optimal string alignment (insert, delete,
// substitute, swap two neighbours; each cost 1), by bytes.
int EditDistance(std::string_view a, std::string_view b);

// Returns the candidate closest to word if it is close enough to be a
// plausible typo (distance <= max(1, |word|/3), at most 3), else "".
// Ties go to the earlier candidate.
std::string NearestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace brief
