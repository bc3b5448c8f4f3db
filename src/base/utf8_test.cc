#include "base/utf8.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("utf8: decoding rejects malformed sequences") {
  CHECK(FindInvalidUtf8("Автотор ₽ €") == std::string::npos);
  CHECK(FindInvalidUtf8("ab\xFF") == 2);
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);          // Overlong '/'.
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);      // Surrogate.
  CHECK(FindInvalidUtf8("x\xE2\x82") == 1);         // Truncated.
  CHECK(CountCodePoints("Автотор") == 7);
}

TEST_CASE("utf8: trimming covers Unicode white space") {
  CHECK(TrimUnicode("\xC2\xA0 name\xE2\x80\x83") == "name");  // NBSP, em space.
  CHECK(TrimUnicode(" \t\xC2\xA0 ") == "");
}

TEST_CASE("utf8: UTF-16BE, with surrogate pairs beyond the BMP") {
  std::string out;
  AppendUtf16Be(0x20BD, &out);
  AppendUtf16Be(0x1F600, &out);
  CHECK(out == std::string("\x20\xBD\xD8\x3D\xDE\x00", 6));
}
