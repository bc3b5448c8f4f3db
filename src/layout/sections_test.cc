#include "layout/sections.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("sections: rank change compares with the previous entry of the same list") {
  std::vector<Ranking> r = {{2006, "Forbes", 69, {}}, {2010, "Other", 5, {}},
                            {2021, "Forbes", 38, {}}, {2022, "Forbes", 40, {}},
                            {2023, "Forbes", 40, {}}};
  CHECK(RankChange(r, 0) == "—");
  CHECK(RankChange(r, 1) == "—");
  CHECK(RankChange(r, 2) == "▲31");  // 69 → 38
  CHECK(RankChange(r, 3) == "▼2");
  CHECK(RankChange(r, 4) == "=");
}

TEST_CASE("sections: partnership periods") {
  Partnership p;
  CHECK(Period(p) == "—");
  p.since = 1999;
  CHECK(Period(p) == "since 1999");
  p.until = 2022;
  CHECK(Period(p) == "1999–2022");
  p.since.reset();
  CHECK(Period(p) == "until 2022");
}

