// yaml-cpp's parse errors, re-stated for an author: in words about the
// file rather than the parser, and at the line the author must edit, which
// is often not where the parser gave up.
#pragma once

#include <string>
#include <string_view>

namespace brief {

struct ParseProblem {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
  int length = 0;  // code points to underline (0: one position)
  std::string message;
  std::string hint;
};

// Explains the parser's `message` given at 1-based `line`, `column` of
// `source` (the whole file, without a byte-order mark). Looks back from
// there for the usual causes:
//  - a key with no space after its colon ("founded:1996"): YAML reads it
//    as text that runs on into the next lines, and fails at the next key;
//  - a key indented less than the keys around it, which the parser only
//    notices at the line after it, or more than the key above it, which
//    makes it part of that key's value;
//  - a '[' or '{' that is never closed, reported where it opens;
//  - a tab in the indentation.
// Anything else keeps the parser's position, with its words re-phrased.
ParseProblem ExplainParseError(const std::string& message, int line, int column, std::string_view source);

// True for "key:value" with no space after the colon, as a line (after
// its indentation and an optional "- ") starts: `*key_length` is set to
// the code points of "key:value" up to the end or a comment.
bool LooksLikeUnspacedKey(std::string_view text, int* key_length = nullptr);

}  // namespace brief
