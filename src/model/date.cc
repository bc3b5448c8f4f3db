#include "model/date.h"

#include <cctype>

#include <fmt/format.h>

namespace brief {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Date> ParseDate(std::string_view text, std::string* why) {
  const char* kShape = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
  Date d;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
    *why = kShape;
    return std::nullopt;
  }
  if (!AllDigits(text.substr(0, 4)) || (text.size() >= 7 && (text[4] != '-' || !AllDigits(text.substr(5, 2)))) ||
      (text.size() == 10 && (text[7] != '-' || !AllDigits(text.substr(8, 2))))) {
    *why = kShape;
    return std::nullopt;
  }
  d.year = ToInt(text.substr(0, 4));
  if (d.year < kMinYear || d.year > kMaxYear) {
    *why = fmt::format("year {} is outside {}..{}", d.year, kMinYear, kMaxYear);
    return std::nullopt;
  }
  if (text.size() >= 7) {
    d.month = ToInt(text.substr(5, 2));
    if (d.month < 1 || d.month > 12) {
      *why = fmt::format("month {:02d} does not exist (months are 01..12)", d.month);
      return std::nullopt;
    }
  }
  if (text.size() == 10) {
    d.day = ToInt(text.substr(8, 2));
    int days = DaysInMonth(d.year, d.month);
    if (d.day < 1 || d.day > days) {
      *why = fmt::format("{} has no day {:02d} ({} {} has {} days)", FormatIso({d.year, d.month, 0}),
                         d.day, MonthName(d.month, false), d.year, days);
      return std::nullopt;
    }
  }
  return d;
}

bool IsAfter(const Date& a, const Date& b) {
  int precision = std::min(a.precision(), b.precision());
  Date x{a.year, precision >= 2 ? a.month : 0, precision >= 3 ? a.day : 0};
  Date y{b.year, precision >= 2 ? b.month : 0, precision >= 3 ? b.day : 0};
  return x > y;
}

std::string FormatIso(const Date& d) {
  if (d.day) return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
  if (d.month) return fmt::format("{:04d}-{:02d}", d.year, d.month);
  return fmt::format("{:04d}", d.year);
}

std::string MonthName(int month, bool abbreviated) {
  static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return "";
  std::string name = kNames[month - 1];
  return abbreviated ? name.substr(0, 3) : name;
}

std::string FormatHuman(const Date& d) {
  if (d.day) return fmt::format("{} {} {}", d.day, MonthName(d.month, false), d.year);
  if (d.month) return fmt::format("{} {}", MonthName(d.month, false), d.year);
  return fmt::format("{}", d.year);
}

}  // namespace brief

namespace brief {

std::string ShortDate(const Date& d) {
  if (d.day) return fmt::format("{} {} {}", d.day, MonthName(d.month, true), d.year);
  if (d.month) return fmt::format("{} {}", MonthName(d.month, true), d.year);
  return fmt::format("{}", d.year);
}

}  // namespace brief
