#include "text/line_breaks.h"

#include <memory>

#include <unicode/ubrk.h>

namespace brief {

namespace {

// ICU's line iterator is costly to build and not thread-safe: one per thread.
UBreakIterator* ThreadIterator() {
  struct Holder {
    UBreakIterator* it = nullptr;
    ~Holder() {
      if (it) ubrk_close(it);
    }
  };
  thread_local Holder holder;
  if (!holder.it) {
    UErrorCode status = U_ZERO_ERROR;
    holder.it = ubrk_open(UBRK_LINE, "", nullptr, 0, &status);
    if (U_FAILURE(status)) holder.it = nullptr;
  }
  return holder.it;
}

bool IsAsciiSpaceBreakable(const std::vector<int>& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    int cp = text[i];
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
        cp == ' ') {
      continue;
    }
    // A full stop or comma followed by a space or the end.
    if ((cp == '.' || cp == ',') && (i + 1 == text.size() || text[i + 1] == ' ')) continue;
    return false;
  }
  return true;
}

}  // namespace

std::vector<uint8_t> LineBreakOpportunities(const std::vector<int>& text) {
  std::vector<uint8_t> breaks(text.size(), 0);
  if (text.size() < 2) return breaks;
  // ASCII letters, digits, spaces, and full stops and commas before a space: UAX #14 then
  // allows a break exactly after each run of spaces (LB18), which needs no
  // iterator. Most Latin text of a brief takes this path.
  if (IsAsciiSpaceBreakable(text)) {
    for (size_t i = 1; i < text.size(); ++i) breaks[i] = text[i - 1] == ' ' && text[i] != ' ';
    return breaks;
  }
  std::vector<UChar> utf16;
  std::vector<int32_t> cp_at_unit;  // UTF-16 unit → code point index
  for (size_t i = 0; i < text.size(); ++i) {
    int cp = text[i];
    if (cp >= 0x10000) {
      utf16.push_back(static_cast<UChar>(0xD800 + ((cp - 0x10000) >> 10)));
      utf16.push_back(static_cast<UChar>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
      cp_at_unit.push_back(static_cast<int32_t>(i));
    } else {
      utf16.push_back(static_cast<UChar>(cp));
    }
    cp_at_unit.push_back(static_cast<int32_t>(i));
  }
  cp_at_unit.push_back(static_cast<int32_t>(text.size()));
  UBreakIterator* it = ThreadIterator();
  UErrorCode status = U_ZERO_ERROR;
  if (it) ubrk_setText(it, utf16.data(), static_cast<int32_t>(utf16.size()), &status);
  if (!it || U_FAILURE(status)) {
    // No ICU data: fall back to breaking after spaces.
    for (size_t i = 1; i < text.size(); ++i) breaks[i] = text[i - 1] == ' ' && text[i] != ' ';
    return breaks;
  }
  for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
    size_t i = static_cast<size_t>(cp_at_unit[static_cast<size_t>(b)]);
    if (i > 0 && i < text.size()) breaks[i] = 1;
  }
  ubrk_setText(it, nullptr, 0, &status);  // Drop the pointer to our buffer.
  return breaks;
}

}  // namespace brief
