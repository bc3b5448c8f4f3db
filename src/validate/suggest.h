// Fixes for values written the way people write them elsewhere: each
// function returns the value as the brief format wants it, or "" when it
// sees no sure rewrite. Pure functions of the text as written.
#pragma once

#include <string>
#include <string_view>

namespace brief {

// A currency's ISO 4217 code from its name, sign, adjective or a code
// among other words: "rubles", "рублей", "$", "US$", "Swedish kronor",
// "SEK kr", "yuan" → "RUB", "RUB", "USD", "USD", "SEK", "SEK", "CNY".
// *others, when given, is set to the other codes a sign is used for ("$":
// "CAD, AUD, HKD, SGD, NZD, TWD"), "" when it is unambiguous.
std::string SuggestCurrency(std::string_view written, std::string* others = nullptr);

// A date in another common form rewritten as YYYY, YYYY-MM or
// YYYY-MM-DD: "10/2024" → "2024-10", "August 2010" → "2010-08",
// "2024-9" → "2024-09", "14.04.1927" → "1927-04-14", "April 14, 1927" →
// "1927-04-14", "2024-06-01T10:00:00" → "2024-06-01". Day and month
// orders that cannot be told apart ("03/04/2024") give "". Month names in
// English, Russian, German, French and Spanish.
std::string SuggestDate(std::string_view written);

// A number written with words, signs or separators in the plain form:
// "282 billion" → "282e9", "12 bn" → "12e9", "1.5 млрд" → "1.5e9",
// "$4.2bn" → "4.2e9", "3 lakh" → "3e5", "1,000,000" → "1000000",
// "1 000 000" → "1000000".
std::string SuggestNumber(std::string_view written);

// "true" or "false" for YAML 1.1's and other booleans: yes, no, on, off,
// y, n, True, FALSE, "true" (quoted); "" otherwise.
std::string SuggestBool(std::string_view written);

// The year of a date or an approximate year where a year is expected:
// "1927-04-14" → "1927", "April 1927" → "1927", "c. 1927" → "1927".
std::string SuggestYear(std::string_view written);

// "write 'currency: RUB'": the hint that gives the replacement, with the
// key (the last part of `path`) when the path ends in one.
std::string WriteHint(const std::string& path, const std::string& value);

}  // namespace brief
