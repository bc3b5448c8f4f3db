#include "model/currency.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("currency: active codes and retired ones") {
  CHECK(IsActiveCurrency("RUB"));
  CHECK(IsActiveCurrency("EUR"));
  CHECK_FALSE(IsActiveCurrency("RUR"));
  CHECK_FALSE(IsActiveCurrency("rub"));
  CHECK(RetiredCurrencyHint("RUR") == "RUR (Russian rouble) was retired in 1998; use RUB");
  CHECK(RetiredCurrencyHint("QQQ") == "");
}

TEST_CASE("currency: amounts print as the format shows them") {
  CHECK(FormatMoney(4.0e9, "EUR") == "€4.0 bn");
  CHECK(FormatMoney(249.7e9, "RUB") == "₽249.7 bn");
  CHECK(FormatMoney(566e9, "CNY") == "CNY 566 bn");
  CHECK(FormatMoney(12.1e9, "SEK") == "SEK 12.1 bn");
  CHECK(FormatMoney(2890000000000, "JPY") == "¥2.9 tn");
  CHECK(FormatMoney(1.5e6, "USD") == "$1.5 mn");
  CHECK(FormatMoney(950e6, "GBP") == "£950 mn");
  CHECK(FormatMoney(12500, "INR") == "₹12,500");
}
