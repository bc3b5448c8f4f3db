// Dates of varying precision: YYYY, YYYY-MM or YYYY-MM-DD.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace brief {

// A calendar date known to a year, a month or a day. month and day are 0
// when not given. Ordering: by year, month, day, so a less precise date sorts
// before a more precise one within it (2022 < 2022-05 < 2022-05-16).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;

  // 1 = year, 2 = month, 3 = day.
  int precision() const { return day ? 3 : month ? 2 : 1; }
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a real calendar date with a
// year from 1800 to 2200. On failure returns nullopt and sets *why.
std::optional<Date> ParseDate(std::string_view text, std::string* why);

// True when `a` is after `b`, compared at the coarser of the two precisions
// (2024-06-15 is not after 2024-06; 2024 is not after 2024-06).
bool IsAfter(const Date& a, const Date& b);

// "2022-05-16" / "2022-05" / "2022": the canonical text form.
std::string FormatIso(const Date& d);

// Human form for the page: "16 May 2022", "May 2022", "2022".
std::string FormatHuman(const Date& d);

// Compact form for tables and timelines: "16 May 2022", "Sep 2024", "2022".
std::string ShortDate(const Date& d);

// "May" for 5 ("Sep" abbreviated); "" outside 1..12.
std::string MonthName(int month, bool abbreviated);

// Days in a month of a year (Gregorian).
int DaysInMonth(int year, int month);

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

}  // namespace brief
