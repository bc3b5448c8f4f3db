#include "base/edit_distance.h"

#include <algorithm>
#include <cctype>

namespace brief {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  // Three-row dynamic programme: row[j] = distance(a[0..i), b[0..j)), with
  // the row before the previous for transpositions (optimal string
  // alignment: "nmae" is one edit from "name").
  std::vector<int> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string NearestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return "";  // Not a typo of anything we know.
  int limit = std::min(3, std::max(1, static_cast<int>(word.size()) / 3));
  std::string best;
  int best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Compare case-insensitively so 'Revenue' finds 'revenue' and 'rub'
    // finds 'RUB'.
    int d = EditDistance(Lower(word), Lower(candidate));
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace brief
