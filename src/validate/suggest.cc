#include "validate/suggest.h"

#include <unicode/uchar.h>

#include <cctype>
#include <cstring>
#include <cstdlib>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "base/utf8.h"
#include "model/currency.h"
#include "model/date.h"

namespace brief {

namespace {

// Lower case (every script), white space runs as one ASCII space, trimmed.
std::string Normalize(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t pos = 0; pos < text.size();) {
    int cp = DecodeUtf8(text, &pos);
    if (cp < 0) continue;
    if (IsUnicodeSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    // Digits of other scripts (Arabic-Indic, Devanagari, Bengali, Thai,
    // fullwidth) as ASCII digits: u_charDigitValue knows them all.
    if (u_isdigit(cp) && cp > 0x7F) {
      out.push_back(static_cast<char>('0' + u_charDigitValue(cp)));
      continue;
    }
    AppendUtf8(u_tolower(cp), &out);
  }
  return out;
}

std::vector<std::string> Words(const std::string& text, const char* separators = " ") {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(separators, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

struct Name {
  const char* text;
  const char* code;
};

// Currency names and signs, lower case; ambiguous ones under their most
// common code (an adjective beside them decides: "canadian dollar").
constexpr Name kCurrencyNames[] = {
    {"$", "USD"}, {"us$", "USD"}, {"usd$", "USD"}, {"dollar", "USD"}, {"dollars", "USD"},
    {"buck", "USD"}, {"bucks", "USD"}, {"доллар", "USD"}, {"долларов", "USD"}, {"доллара", "USD"},
    {"美元", "USD"}, {"€", "EUR"}, {"euro", "EUR"}, {"euros", "EUR"}, {"евро", "EUR"}, {"欧元", "EUR"},
    {"£", "GBP"}, {"pound", "GBP"}, {"pounds", "GBP"}, {"sterling", "GBP"}, {"quid", "GBP"},
    {"₽", "RUB"}, {"ruble", "RUB"}, {"rubles", "RUB"}, {"rouble", "RUB"}, {"roubles", "RUB"},
    {"rub.", "RUB"}, {"руб", "RUB"}, {"руб.", "RUB"}, {"рубль", "RUB"}, {"рублей", "RUB"},
    {"рубля", "RUB"}, {"р.", "RUB"}, {"¥", "JPY"}, {"円", "JPY"}, {"yen", "JPY"}, {"日元", "JPY"},
    {"yuan", "CNY"}, {"renminbi", "CNY"}, {"rmb", "CNY"}, {"元", "CNY"}, {"人民币", "CNY"},
    {"юань", "CNY"}, {"юаней", "CNY"}, {"₩", "KRW"}, {"won", "KRW"}, {"원", "KRW"},
    {"₹", "INR"}, {"rupee", "INR"}, {"rupees", "INR"}, {"rs", "INR"}, {"rs.", "INR"},
    {"kr", "SEK"}, {"kr.", "SEK"}, {"krona", "SEK"}, {"kronor", "SEK"}, {"krone", "NOK"},
    {"kroner", "NOK"}, {"franc", "CHF"}, {"francs", "CHF"}, {"fr.", "CHF"}, {"zł", "PLN"},
    {"zloty", "PLN"}, {"złoty", "PLN"}, {"zlotys", "PLN"}, {"r$", "BRL"}, {"real", "BRL"},
    {"reais", "BRL"}, {"₺", "TRY"}, {"lira", "TRY"}, {"rand", "ZAR"}, {"₴", "UAH"},
    {"hryvnia", "UAH"}, {"гривна", "UAH"}, {"₸", "KZT"}, {"tenge", "KZT"}, {"тенге", "KZT"},
    {"₪", "ILS"}, {"shekel", "ILS"}, {"shekels", "ILS"}, {"dirham", "AED"}, {"riyal", "SAR"},
    {"฿", "THB"}, {"baht", "THB"}, {"ringgit", "MYR"}, {"rm", "MYR"}, {"rupiah", "IDR"},
    {"rp", "IDR"}, {"₫", "VND"}, {"dong", "VND"}, {"forint", "HUF"}, {"ft", "HUF"},
    {"koruna", "CZK"}, {"kč", "CZK"}, {"leu", "RON"}, {"lei", "RON"}, {"lev", "BGN"},
    {"₦", "NGN"}, {"naira", "NGN"}, {"৳", "BDT"}, {"taka", "BDT"}, {"c$", "CAD"},
    {"ca$", "CAD"}, {"a$", "AUD"}, {"au$", "AUD"}, {"hk$", "HKD"}, {"s$", "SGD"},
    {"nz$", "NZD"}, {"nt$", "TWD"}, {"peso", "MXN"}, {"pesos", "MXN"}, {"mex$", "MXN"},
};

// Adjectives that settle an ambiguous name ("swedish krona").
constexpr Name kCurrencyAdjectives[] = {
    {"us", "USD"}, {"u.s.", "USD"}, {"american", "USD"}, {"canadian", "CAD"},
    {"australian", "AUD"}, {"hong kong", "HKD"}, {"singapore", "SGD"}, {"new zealand", "NZD"},
    {"taiwan", "TWD"}, {"new taiwan", "TWD"}, {"russian", "RUB"}, {"российский", "RUB"},
    {"российских", "RUB"}, {"belarusian", "BYN"}, {"chinese", "CNY"}, {"japanese", "JPY"},
    {"korean", "KRW"}, {"south korean", "KRW"}, {"indian", "INR"}, {"pakistani", "PKR"},
    {"british", "GBP"}, {"egyptian", "EGP"}, {"swedish", "SEK"}, {"norwegian", "NOK"},
    {"danish", "DKK"}, {"icelandic", "ISK"}, {"swiss", "CHF"}, {"polish", "PLN"},
    {"brazilian", "BRL"}, {"turkish", "TRY"}, {"south african", "ZAR"}, {"ukrainian", "UAH"},
    {"mexican", "MXN"}, {"argentine", "ARS"}, {"chilean", "CLP"}, {"colombian", "COP"},
    {"philippine", "PHP"}, {"czech", "CZK"}, {"hungarian", "HUF"}, {"romanian", "RON"},
    {"israeli", "ILS"}, {"saudi", "SAR"}, {"emirati", "AED"}, {"uae", "AED"}, {"thai", "THB"},
    {"malaysian", "MYR"}, {"indonesian", "IDR"}, {"vietnamese", "VND"}, {"nigerian", "NGN"},
    {"kazakh", "KZT"}, {"european", "EUR"},
};

// Signs and names used by more than one currency: the alternatives.
constexpr Name kAmbiguous[] = {
    {"USD", "CAD, AUD, HKD, SGD, NZD or TWD for another dollar"},
    {"JPY", "CNY for the Chinese yuan"},
    {"SEK", "NOK, DKK or ISK for the Norwegian, Danish or Icelandic krone"},
    {"NOK", "DKK for the Danish krone"},
    {"CHF", "XOF or XAF for a CFA franc"},
    {"GBP", "EGP for the Egyptian pound"},
    {"MXN", "ARS, CLP, COP or PHP for another peso"},
    {"INR", "PKR for the Pakistani rupee"},
};

template <size_t N>
const char* Find(const Name (&table)[N], std::string_view text) {
  for (const Name& n : table) {
    if (text == n.text) return n.code;
  }
  return nullptr;
}

int MonthNumber(const std::string& word) {
  // Lower case; abbreviations with or without a dot.
  static const char* kMonths[][12] = {
      {"january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december"},
      {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
      {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
       "октябрь", "ноябрь", "декабрь"},
      {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
       "октября", "ноября", "декабря"},
      {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
       "oktober", "november", "dezember"},
      {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
       "octobre", "novembre", "décembre"},
      {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
       "octubre", "noviembre", "diciembre"},
  };
  std::string w = word;
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  if (w == "sept") return 9;
  for (const auto& names : kMonths) {
    for (int m = 0; m < 12; ++m) {
      if (w == names[m]) return m + 1;
    }
  }
  return 0;
}

// The date if it is real (ParseDate agrees), else "".
std::string Checked(int year, int month, int day) {
  std::string text = fmt::format("{:04d}", year);
  if (month) text += fmt::format("-{:02d}", month);
  if (day) text += fmt::format("-{:02d}", day);
  std::string why;
  return ParseDate(text, &why) ? text : "";
}

int ToInt(std::string_view s) { return IsDigits(s) && s.size() <= 4 ? std::atoi(std::string(s).c_str()) : -1; }

// How much a multiplier word or sign stands for, as a power of ten (0: none).
int Multiplier(const std::string& word) {
  static const std::pair<const char*, int> kWords[] = {
      {"k", 3},         {"thousand", 3},  {"thousands", 3}, {"тыс", 3},      {"тыс.", 3},
      {"m", 6},         {"mn", 6},        {"mm", 6},        {"mln", 6},      {"mio", 6},
      {"mio.", 6},      {"million", 6},   {"millions", 6},  {"млн", 6},      {"млн.", 6},
      {"b", 9},         {"bn", 9},        {"bln", 9},       {"billion", 9},  {"billions", 9},
      {"mld", 9},       {"mrd", 9},       {"mrd.", 9},      {"milliard", 9}, {"milliarden", 9},
      {"млрд", 9},      {"млрд.", 9},     {"t", 12},        {"tn", 12},      {"trn", 12},
      {"trillion", 12}, {"trillions", 12}, {"трлн", 12},    {"трлн.", 12},   {"lakh", 5},
      {"lakhs", 5},     {"lac", 5},       {"crore", 7},     {"crores", 7},   {"万", 4},
      {"億", 8},        {"亿", 8},        {"兆", 12},
  };
  for (const auto& [w, power] : kWords) {
    if (word == w) return power;
  }
  return 0;
}

// Digits with separators: "1,000,000", "1 000 000", "1.000.000" (groups
// of three), "1,5" (a decimal comma) → plain decimal, else "".
std::string PlainDecimal(std::string text) {
  if (text.empty()) return "";
  // Thin and no-break spaces, apostrophes (Swiss) as group separators.
  for (const char* sep : {"\u202F", "\u00A0", "\u2009", "'", "\u2019", "_"}) {
    for (size_t at; (at = text.find(sep)) != std::string::npos;) text.replace(at, std::strlen(sep), " ");
  }
  auto grouped = [](const std::string& s, char sep) {
    // d{1,3}(sep ddd)+ exactly.
    std::vector<std::string> parts = Words(s, std::string(1, sep).c_str());
    if (parts.size() < 2 || s.front() == sep || s.back() == sep) return false;
    if (parts[0].size() > 3 || !IsDigits(parts[0])) return false;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i].size() != 3 || !IsDigits(parts[i])) return false;
    }
    return s.find(std::string(2, sep)) == std::string::npos;
  };
  std::string whole = text, fraction;
  // A decimal part after the last '.' or ',' that is not a group of three.
  for (char sep : {' ', ',', '.'}) {
    if (grouped(text, sep)) {
      std::string digits;
      for (char c : text) {
        if (c != sep) digits.push_back(c);
      }
      return digits;
    }
  }
  // The decimal point is the last '.' or ',' (1.234,5 and 1,234.5).
  size_t at = text.find_last_of(".,");
  if (at != std::string::npos) {
    char point = text[at];
    std::string before = text.substr(0, at), after = text.substr(at + 1);
    if (!IsDigits(after)) return "";
    char group = point == '.' ? ',' : '.';
    std::string digits;
    if (IsDigits(before)) {
      digits = before;
    } else if (grouped(before, group) || grouped(before, ' ')) {
      for (char c : before) {
        if (c >= '0' && c <= '9') digits.push_back(c);
      }
    } else {
      return "";
    }
    return digits + "." + after;
  }
  return IsDigits(text) ? text : "";
}

}  // namespace

std::string SuggestCurrency(std::string_view written, std::string* others) {
  if (others) others->clear();
  std::string text = Normalize(written);
  if (text.empty()) return "";
  std::string code;
  // A code among other words or signs: "SEK kr", "USD $", "EUR (€)".
  std::vector<std::string> words = Words(text, " ()[],/");
  for (const std::string& w : words) {
    std::string upper;
    for (char c : w) upper.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    if (w.size() == 3 && IsActiveCurrency(upper)) {
      if (words.size() > 1) return upper;
      code = upper;
    }
  }
  if (!code.empty()) return code;
  if (const char* c = Find(kCurrencyNames, text)) {
    code = c;
  } else {
    // "swedish kronor", "hong kong dollars", "российских рублей": an
    // adjective (one or two words) before a name or sign.
    const char* adjective = nullptr;
    const char* name = nullptr;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!adjective && i + 1 < words.size()) adjective = Find(kCurrencyAdjectives, words[i] + " " + words[i + 1]);
      if (!adjective) adjective = Find(kCurrencyAdjectives, words[i]);
      if (!name) name = Find(kCurrencyNames, words[i]);
    }
    if (adjective && (name || words.size() == 1)) return adjective;
    if (name) code = name;
  }
  if (!code.empty() && others) {
    for (const Name& a : kAmbiguous) {
      if (code == a.text && words.size() == 1) *others = a.code;
    }
  }
  return code;
}

std::string SuggestDate(std::string_view written) {
  std::string text = Normalize(written);
  if (text.empty()) return "";
  // A timestamp: its date part.
  if (size_t t = text.find_first_of("t "); t == 10 && text.size() > 10) {
    std::string date = text.substr(0, 10);
    std::string why;
    if (ParseDate(date, &why)) return date;
  }
  // Numbers with '-', '/', '.' between them.
  std::vector<std::string> parts = Words(text, "-/. ");
  bool numeric = !parts.empty();
  for (const std::string& p : parts) numeric = numeric && IsDigits(p);
  if (numeric && text.find_first_not_of("0123456789-/.") == std::string::npos) {
    std::vector<int> n;
    for (const std::string& p : parts) n.push_back(ToInt(p));
    if (parts.size() == 1 && parts[0].size() == 8) {  // 20240614
      return Checked(ToInt(parts[0].substr(0, 4)), ToInt(parts[0].substr(4, 2)), ToInt(parts[0].substr(6, 2)));
    }
    if (parts.size() == 1 && parts[0].size() == 6) {  // 202406
      return Checked(ToInt(parts[0].substr(0, 4)), ToInt(parts[0].substr(4, 2)), 0);
    }
    if (parts.size() == 2) {
      if (parts[0].size() == 4 && parts[1].size() <= 2) return Checked(n[0], n[1], 0);  // 2024-9, 2024/09
      if (parts[1].size() == 4 && parts[0].size() <= 2) return Checked(n[1], n[0], 0);  // 10/2024
      return "";
    }
    if (parts.size() == 3) {
      if (parts[0].size() == 4) return Checked(n[0], n[1], n[2]);  // 2024/6/14
      if (parts[2].size() != 4) return "";
      // Day and month: dots mean day first (14.04.1927); with slashes,
      // only a part above 12 tells which is the day.
      bool dots = text.find('.') != std::string::npos;
      if (dots || n[0] > 12) return n[1] <= 12 ? Checked(n[2], n[1], n[0]) : "";
      if (n[1] > 12) return Checked(n[2], n[0], n[1]);
      return "";
    }
    return "";
  }
  // Month names: "August 2010", "aug. 2010", "2010 august", "14 April
  // 1927", "April 14, 1927", "14 апреля 1927 г.".
  std::vector<std::string> words = Words(text, " ,");
  if (!words.empty() && (words.back() == "г." || words.back() == "г" || words.back() == "года")) words.pop_back();
  int year = 0, month = 0, day = 0;
  for (const std::string& w : words) {
    std::string bare = w;
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ',')) bare.pop_back();
    // English ordinals: 14th, 1st.
    for (const char* suffix : {"st", "nd", "rd", "th"}) {
      if (bare.size() > 2 && bare.ends_with(suffix) && IsDigits(bare.substr(0, bare.size() - 2))) {
        bare.resize(bare.size() - 2);
      }
    }
    if (int m = MonthNumber(w); m && !month) {
      month = m;
    } else if (IsDigits(bare) && bare.size() == 4 && !year) {
      year = ToInt(bare);
    } else if (IsDigits(bare) && bare.size() <= 2 && !day) {
      day = ToInt(bare);
    } else if (w != "of" && w != "de") {
      return "";
    }
  }
  if (!year || !month) return "";
  return Checked(year, month, day);
}

std::string SuggestNumber(std::string_view written) {
  std::string text = Normalize(written);
  // Currency signs and codes around the number say nothing about it.
  for (const char* sign : {"us$", "$", "€", "£", "¥", "₽", "₹", "₩", "руб.", "руб", "usd", "eur", "rub"}) {
    if (text.starts_with(sign)) text = text.substr(std::strlen(sign));
    if (text.ends_with(sign)) text.resize(text.size() - std::strlen(sign));
  }
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.empty()) return "";
  // Split the number from a multiplier word after it ("282 billion", "12bn").
  size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                               text[end] == ',' || text[end] == ' ' || text[end] == '\'' || text[end] == '_')) {
    ++end;
  }
  std::string number = text.substr(0, end), word = text.substr(end);
  while (!number.empty() && number.back() == ' ') number.pop_back();
  while (!word.empty() && word.front() == ' ') word.erase(0, 1);
  // Words after it: multipliers (which multiply: "lakh crore" is 1e12),
  // currency names and codes (said by the currency field, dropped here),
  // or an ordinal ending ("69th").
  int power = 0;
  bool ordinal = false;
  for (const std::string& w : Words(word)) {
    std::string upper;
    for (char c : w) upper.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    if (int p = Multiplier(w)) {
      power += p;
    } else if ((w == "st" || w == "nd" || w == "rd" || w == "th") && Words(word).size() == 1) {
      ordinal = true;
    } else if (!SuggestCurrency(w).empty() || IsActiveCurrency(upper)) {
      continue;
    } else {
      return "";
    }
  }
  if (ordinal && (number.find_first_not_of("0123456789") != std::string::npos)) return "";
  std::string plain = PlainDecimal(number);
  if (plain.empty()) return "";
  // 1.0 where a whole number is written: 1.
  if (!power && plain.find('.') != std::string::npos && plain.find_first_not_of('0', plain.find('.') + 1) == std::string::npos) {
    plain.resize(plain.find('.'));
  }
  if (!power) return plain == written ? "" : plain;
  return fmt::format("{}e{}", plain, power);
}

std::string SuggestBool(std::string_view written) {
  std::string text = Normalize(written);
  for (const char* yes : {"true", "yes", "y", "on", "да", "oui", "ja", "si", "sí"}) {
    if (text == yes) return "true";
  }
  for (const char* no : {"false", "no", "n", "off", "нет", "non", "nein"}) {
    if (text == no) return "false";
  }
  return "";
}

std::string SuggestYear(std::string_view written) {
  std::string text = Normalize(written);
  for (const char* prefix : {"circa ", "ca. ", "ca ", "c. ", "c ", "~", "about ", "around ", "около ", "in ", "fy ", "fy"}) {
    if (text.starts_with(prefix)) text = text.substr(std::strlen(prefix));
  }
  while (!text.empty() && text.back() == '?') text.pop_back();  // "1927?"
  if (text.ends_with(" г.")) text.resize(text.size() - 4);
  if (IsDigits(text) && text.size() == 4) return text;
  std::string date = SuggestDate(text);
  std::string why;
  if (date.empty() && ParseDate(text, &why)) date = text;
  return date.size() >= 4 ? date.substr(0, 4) : "";
}

std::string WriteHint(const std::string& path, const std::string& value) {
  size_t dot = path.rfind('.');
  std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
  if (key.empty() || key.back() == ']') return fmt::format("write '{}'", value);
  return fmt::format("write '{}: {}'", key, value);
}

}  // namespace brief
