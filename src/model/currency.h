// ISO 4217 currency codes and how amounts print.
#pragma once

#include <string>
#include <vector>

namespace brief {

// True for an active ISO 4217 alphabetic code ("EUR"), case-sensitive.
bool IsActiveCurrency(const std::string& code);

// All active codes, sorted (for "did you mean").
const std::vector<std::string>& ActiveCurrencies();

// For a retired code, a hint naming its successor ("RUR was replaced by RUB
// in 1998"); "" for a code that was never an ISO 4217 code we know of.
std::string RetiredCurrencyHint(const std::string& code);

// The currency's sign for EUR, USD, GBP, RUB, JPY and INR ("€"), else "".
std::string CurrencySign(const std::string& code);

// A compact printed amount: "€4.0 bn", "₽249.7 bn", "CNY 566 bn", "SEK 12.1 bn",
// "$950 mn", "€12,500". Scales: tn (1e12), bn (1e9), mn (1e6). Decimals:
// as few as show the value to 0.1 of the scale unit, but at least one below 100
// (4 bn → "4.0 bn"), at most one.
std::string FormatMoney(double amount, const std::string& code);

// The number part of FormatMoney at a given scale, e.g. ScaledNumber(4e9, 1e9) → "4.0".
std::string ScaledNumber(double amount, double scale);

// Thousands-grouped integer: 1234567 → "1,234,567".
std::string GroupThousands(long long value);

}  // namespace brief
