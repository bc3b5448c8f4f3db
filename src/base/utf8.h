// UTF-8 helpers: validation, decoding, counting and Unicode-aware trimming.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace brief {

// Decodes the code point starting at text[*pos] and advances *pos past it.
// Returns -1 (and advances one byte) on an invalid or truncated sequence,
// overlong form, surrogate or value above U+10FFFF.
int DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of code point cp to out.
void AppendUtf8(int cp, std::string* out);

// Appends the UTF-16BE encoding of code point cp to out (a surrogate pair
// beyond the BMP).
void AppendUtf16Be(int cp, std::string* out);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);

// Number of code points in valid UTF-8 text (invalid bytes count one each).
size_t CountCodePoints(std::string_view text);

// Decodes valid UTF-8 into code points (invalid bytes become U+FFFD).
std::vector<int> ToCodePoints(std::string_view text);

// True for Unicode White_Space characters (space, tabs, line ends, NBSP,
// U+2000..U+200A, U+2028/9, U+202F, U+205F, U+3000, U+1680, U+0085).
bool IsUnicodeSpace(int cp);

// Removes leading and trailing Unicode white space.
std::string TrimUnicode(std::string_view text);

// "U+20BD" style name for a code point.
std::string CodePointName(int cp);

}  // namespace brief
