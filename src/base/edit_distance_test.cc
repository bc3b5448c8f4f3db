#include "base/edit_distance.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("edit distance: suggestions for plausible typos only") {
  CHECK(EditDistance("revnue", "revenue") == 1);
  CHECK(EditDistance("", "abc") == 3);
  std::vector<std::string> keys = {"revenue", "rankings", "history"};
  CHECK(NearestMatch("revnue", keys) == "revenue");
  CHECK(NearestMatch("Revenue", keys) == "revenue");
  CHECK(NearestMatch("zzz", keys) == "");
  CHECK(NearestMatch("ab", {"xy"}) == "");
}
