#include "base/edit_distance.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("edit distance: suggestions for plausible typos only") {
  CHECK(EditDistance("revnue", "revenue") == 1);
  CHECK(EditDistance("", "abc") == 3);
  // A swap of two neighbours is one edit (Damerau): "nmae" is a typo of "name".
  CHECK(EditDistance("nmae", "name") == 1);
  CHECK(EditDistance("ab", "ba") == 1);
  CHECK(EditDistance("abc", "ca") == 3);  // Optimal string alignment, not full Damerau.
  CHECK(NearestMatch("nmae", {"name", "native_name"}) == "name");
  std::vector<std::string> keys = {"revenue", "rankings", "history"};
  CHECK(NearestMatch("revnue", keys) == "revenue");
  CHECK(NearestMatch("Revenue", keys) == "revenue");
  CHECK(NearestMatch("zzz", keys) == "");
  CHECK(NearestMatch("ab", {"xy"}) == "");
}
