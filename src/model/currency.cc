#include "model/currency.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace brief {

const std::vector<std::string>& ActiveCurrencies() {
  // ISO 4217 list one (alphabetic codes in use), including fund and
  // precious-metal codes.
  static const std::vector<std::string> kCodes = [] {
    std::vector<std::string> codes = {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
        "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
        "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
        "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
        "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
        "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
        "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
        "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
        "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
        "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
        "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG", "ZWL"};
    std::sort(codes.begin(), codes.end());
    return codes;
  }();
  return kCodes;
}

bool IsActiveCurrency(const std::string& code) {
  const auto& codes = ActiveCurrencies();
  return std::binary_search(codes.begin(), codes.end(), code);
}

std::string RetiredCurrencyHint(const std::string& code) {
  struct Retired {
    const char* successor;
    int year;
    const char* name;
  };
  static const std::map<std::string, Retired> kRetired = {
      {"RUR", {"RUB", 1998, "Russian rouble"}},     {"DEM", {"EUR", 2002, "Deutsche Mark"}},
      {"FRF", {"EUR", 2002, "French franc"}},       {"ITL", {"EUR", 2002, "Italian lira"}},
      {"ESP", {"EUR", 2002, "Spanish peseta"}},     {"NLG", {"EUR", 2002, "Dutch guilder"}},
      {"BEF", {"EUR", 2002, "Belgian franc"}},      {"ATS", {"EUR", 2002, "Austrian schilling"}},
      {"FIM", {"EUR", 2002, "Finnish markka"}},     {"IEP", {"EUR", 2002, "Irish pound"}},
      {"PTE", {"EUR", 2002, "Portuguese escudo"}},  {"GRD", {"EUR", 2002, "Greek drachma"}},
      {"LUF", {"EUR", 2002, "Luxembourg franc"}},   {"SIT", {"EUR", 2007, "Slovenian tolar"}},
      {"CYP", {"EUR", 2008, "Cypriot pound"}},      {"MTL", {"EUR", 2008, "Maltese lira"}},
      {"SKK", {"EUR", 2009, "Slovak koruna"}},      {"EEK", {"EUR", 2011, "Estonian kroon"}},
      {"LVL", {"EUR", 2014, "Latvian lats"}},       {"LTL", {"EUR", 2015, "Lithuanian litas"}},
      {"HRK", {"EUR", 2023, "Croatian kuna"}},      {"BYR", {"BYN", 2016, "Belarusian rouble"}},
      {"TRL", {"TRY", 2005, "Turkish lira"}},       {"ROL", {"RON", 2005, "Romanian leu"}},
      {"VEB", {"VEF", 2008, "Venezuelan bolívar"}}, {"VEF", {"VES", 2018, "Venezuelan bolívar"}},
      {"MRO", {"MRU", 2018, "Mauritanian ouguiya"}}, {"STD", {"STN", 2018, "São Tomé dobra"}},
      {"ZMK", {"ZMW", 2013, "Zambian kwacha"}},     {"GHC", {"GHS", 2007, "Ghanaian cedi"}},
      {"MZM", {"MZN", 2006, "Mozambican metical"}}, {"AZM", {"AZN", 2006, "Azerbaijani manat"}},
      {"CSD", {"RSD", 2006, "Serbian dinar"}},      {"SDD", {"SDG", 2007, "Sudanese dinar"}},
      {"TMM", {"TMT", 2009, "Turkmenistan manat"}}, {"CUC", {"CUP", 2021, "Cuban convertible peso"}},
      {"SLL", {"SLE", 2024, "Sierra Leonean leone"}}, {"UAK", {"UAH", 1996, "Ukrainian karbovanets"}},
  };
  auto it = kRetired.find(code);
  if (it == kRetired.end()) return "";
  return fmt::format("{} ({}) was retired in {}; use {}", code, it->second.name, it->second.year,
                     it->second.successor);
}

std::string CurrencySign(const std::string& code) {
  static const std::map<std::string, std::string> kSigns = {
      {"EUR", "€"}, {"USD", "$"}, {"GBP", "£"}, {"RUB", "₽"}, {"JPY", "¥"}, {"INR", "₹"}};
  auto it = kSigns.find(code);
  return it == kSigns.end() ? "" : it->second;
}

std::string GroupThousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.push_back(',');
    out.push_back(*it);
    ++count;
  }
  if (value < 0) out.push_back('-');
  return std::string(out.rbegin(), out.rend());
}

std::string ScaledNumber(double amount, double scale) {
  double v = amount / scale;
  double tenths = std::round(v * 10);
  bool whole = std::fmod(tenths, 10) == 0;
  if (v >= 100 && whole) return fmt::format("{:.0f}", v);
  return fmt::format("{:.1f}", tenths / 10);
}

std::string FormatMoney(double amount, const std::string& code) {
  std::string sign = CurrencySign(code);
  std::string prefix = sign.empty() ? code + " " : sign;
  struct Scale {
    double factor;
    const char* unit;
  };
  static const Scale kScales[] = {{1e12, "tn"}, {1e9, "bn"}, {1e6, "mn"}};
  for (const Scale& s : kScales) {
    // 999.96 bn would round to "1000.0 bn"; the threshold sits just below
    // 1.0 of the larger unit so that prints as "1.0 tn" instead.
    if (amount >= s.factor * 0.99995) {
      return prefix + ScaledNumber(amount, s.factor) + " " + s.unit;
    }
  }
  return prefix + GroupThousands(std::llround(amount));
}

}  // namespace brief
