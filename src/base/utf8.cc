#include "base/utf8.h"

#include <fmt/format.h>

namespace brief {

int DecodeUtf8(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char c = static_cast<unsigned char>(s[i]);
  int cp;
  int extra;
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  } else if (c >= 0xC2 && c <= 0xDF) {
    cp = c & 0x1F;
    extra = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    cp = c & 0x0F;
    extra = 2;
  } else if (c >= 0xF0 && c <= 0xF4) {
    cp = c & 0x07;
    extra = 3;
  } else {
    *pos = i + 1;
    return -1;
  }
  if (i + extra >= s.size()) {
    *pos = i + 1;
    return -1;
  }
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      *pos = i + 1;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *pos = i + 1;
    return -1;
  }
  *pos = i + 1 + extra;
  return cp;
}

void AppendUtf8(int cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendUtf16Be(int cp, std::string* out) {
  auto unit = [out](int u) {
    out->push_back(static_cast<char>(u >> 8));
    out->push_back(static_cast<char>(u & 0xFF));
  };
  if (cp >= 0x10000) {
    unit(0xD800 + ((cp - 0x10000) >> 10));
    unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    unit(cp);
  }
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    if (DecodeUtf8(text, &pos) < 0) return start;
  }
  return std::string_view::npos;
}

size_t CountCodePoints(std::string_view text) {
  size_t pos = 0, n = 0;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos);
    ++n;
  }
  return n;
}

std::vector<int> ToCodePoints(std::string_view text) {
  std::vector<int> out;
  size_t pos = 0;
  while (pos < text.size()) {
    int cp = DecodeUtf8(text, &pos);
    out.push_back(cp < 0 ? 0xFFFD : cp);
  }
  return out;
}

bool IsUnicodeSpace(int cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::string TrimUnicode(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  // Skip leading spaces.
  while (begin < end) {
    size_t next = begin;
    if (!IsUnicodeSpace(DecodeUtf8(text, &next))) break;
    begin = next;
  }
  // Find the end of the last non-space code point.
  size_t last_end = begin;
  size_t pos = begin;
  while (pos < end) {
    int cp = DecodeUtf8(text, &pos);
    if (!IsUnicodeSpace(cp)) last_end = pos;
  }
  return std::string(text.substr(begin, last_end - begin));
}

std::string CodePointName(int cp) { return fmt::format("U+{:04X}", cp); }

}  // namespace brief
