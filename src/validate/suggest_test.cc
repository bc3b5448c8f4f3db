#include "validate/suggest.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("suggest: currency names, signs, adjectives and codes among words") {
  CHECK(SuggestCurrency("rubles") == "RUB");
  CHECK(SuggestCurrency("Рублей") == "RUB");
  CHECK(SuggestCurrency("₽") == "RUB");
  CHECK(SuggestCurrency("SEK kr") == "SEK");
  CHECK(SuggestCurrency("Swedish kronor") == "SEK");
  CHECK(SuggestCurrency("Norwegian krone") == "NOK");
  CHECK(SuggestCurrency("Hong Kong dollars") == "HKD");
  CHECK(SuggestCurrency("canadian dollar") == "CAD");
  CHECK(SuggestCurrency("US$") == "USD");
  CHECK(SuggestCurrency("人民币") == "CNY");
  CHECK(SuggestCurrency("yen") == "JPY");
  std::string others;
  CHECK(SuggestCurrency("$", &others) == "USD");
  CHECK(others.find("CAD") != std::string::npos);
  CHECK(SuggestCurrency("euro", &others) == "EUR");
  CHECK(others == "");
  CHECK(SuggestCurrency("QQQ") == "");
  CHECK(SuggestCurrency("gold bars") == "");
}

TEST_CASE("suggest: dates in other forms, and none where day and month cannot be told apart") {
  CHECK(SuggestDate("10/2024") == "2024-10");
  CHECK(SuggestDate("August 2010") == "2010-08");
  CHECK(SuggestDate("Aug. 2010") == "2010-08");
  CHECK(SuggestDate("2024-9") == "2024-09");
  CHECK(SuggestDate("2024/06/14") == "2024-06-14");
  CHECK(SuggestDate("14.04.1927") == "1927-04-14");
  CHECK(SuggestDate("April 14, 1927") == "1927-04-14");
  CHECK(SuggestDate("14th April 1927") == "1927-04-14");
  CHECK(SuggestDate("14 апреля 1927 г.") == "1927-04-14");
  CHECK(SuggestDate("mai 2022") == "2022-05");
  CHECK(SuggestDate("20240614") == "2024-06-14");
  CHECK(SuggestDate("2024-06-01T10:00:00") == "2024-06-01");
  CHECK(SuggestDate("25/12/2023") == "2023-12-25");
  CHECK(SuggestDate("12/25/2023") == "2023-12-25");
  CHECK(SuggestDate("03/04/2024") == "");   // 3 April or March 4?
  CHECK(SuggestDate("31.02.2024") == "");   // no such day
  CHECK(SuggestDate("2024-13") == "");
  CHECK(SuggestDate("soon") == "");
}

TEST_CASE("suggest: numbers with words, signs and separators") {
  CHECK(SuggestNumber("282 billion") == "282e9");
  CHECK(SuggestNumber("12 bn") == "12e9");
  CHECK(SuggestNumber("4.2bn") == "4.2e9");
  CHECK(SuggestNumber("$4.2 billion") == "4.2e9");
  CHECK(SuggestNumber("1.5 млрд") == "1.5e9");
  CHECK(SuggestNumber("3 lakh") == "3e5");
  CHECK(SuggestNumber("1,000,000") == "1000000");
  CHECK(SuggestNumber("1 000 000") == "1000000");
  CHECK(SuggestNumber("1.234,5 million") == "1234.5e6");
  CHECK(SuggestNumber("1_000") == "1000");
  CHECK(SuggestNumber("a lot") == "");
  CHECK(SuggestNumber("12 apples") == "");
}

TEST_CASE("suggest: booleans, years, and the hint's wording") {
  CHECK(SuggestBool("yes") == "true");
  CHECK(SuggestBool("Off") == "false");
  CHECK(SuggestBool("TRUE") == "true");
  CHECK(SuggestBool("maybe") == "");
  CHECK(SuggestYear("1927-04-14") == "1927");
  CHECK(SuggestYear("April 1927") == "1927");
  CHECK(SuggestYear("c. 1927") == "1927");
  CHECK(SuggestYear("1927?") == "1927");
  CHECK(SuggestYear("1920s") == "");
  CHECK(WriteHint("revenue[1].currency", "RUB") == "write 'currency: RUB'");
  CHECK(WriteHint("company.founded", "1927") == "write 'founded: 1927'");
  CHECK(WriteHint("tags[2]", "x") == "write 'x'");
}
