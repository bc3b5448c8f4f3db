#include "base/diagnostic.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("diagnostics: JSON strings are valid UTF-8 whatever the file name's bytes") {
  CHECK(JsonQuote("caf\xC3\xA9.yaml") == "\"caf\xC3\xA9.yaml\"");
  CHECK(JsonQuote("caf\xE9.yaml") == "\"caf\\ufffd.yaml\"");  // Latin-1, not UTF-8.
  CHECK(JsonQuote("a\"b\\c\n\x01\x7F") == "\"a\\\"b\\\\c\\n\\u0001\\u007f\"");
}
