#include "model/date.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("date: parses the three precisions and rejects impossible dates") {
  std::string why;
  CHECK(ParseDate("2022", &why) == Date{2022, 0, 0});
  CHECK(ParseDate("2022-05", &why) == Date{2022, 5, 0});
  CHECK(ParseDate("2024-02-29", &why) == Date{2024, 2, 29});
  CHECK(ParseDate("2000-02-29", &why).has_value());   // Divisible by 400.
  CHECK_FALSE(ParseDate("1900-02-29", &why).has_value());
  CHECK(why == "1900-02 has no day 29 (February 1900 has 28 days)");
  CHECK_FALSE(ParseDate("2022-5", &why).has_value());
  CHECK_FALSE(ParseDate("2201", &why).has_value());
  CHECK(why == "year 2201 is outside 1800..2200");
  CHECK_FALSE(ParseDate("2022-00", &why).has_value());
}

TEST_CASE("date: a less precise date sorts first, 'after' compares at the coarser precision") {
  CHECK(Date{2022, 0, 0} < Date{2022, 5, 0});
  CHECK(Date{2022, 5, 0} < Date{2022, 5, 16});
  CHECK_FALSE(IsAfter({2024, 6, 15}, {2024, 6, 0}));
  CHECK_FALSE(IsAfter({2024, 0, 0}, {2024, 6, 0}));
  CHECK(IsAfter({2024, 7, 0}, {2024, 6, 0}));
  CHECK(IsAfter({2025, 0, 0}, {2024, 6, 30}));
  CHECK(FormatHuman({2022, 5, 0}) == "May 2022");
  CHECK(FormatHuman({2022, 5, 16}) == "16 May 2022");
}
