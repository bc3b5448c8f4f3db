// What copying and searching a page gives: the text behind each glyph, and
// the order glyphs are written in.
//
// Glyphs are written in logical (reading) order, each placed where layout
// put it, so readers that take text in content order and readers that sort
// by position both read a right-to-left word from its first letter. Each
// glyph stands for some of its cluster's characters: a glyph that alone
// draws a cluster stands for all of it (the "fi" ligature for "fi"); in a
// cluster of several glyphs (a reordered Indic vowel sign, a conjunct), a
// glyph that is a character's own glyph in the font stands for that
// character, and the remaining characters go to the remaining glyphs in
// order. A font's ToUnicode map gives a glyph that is a character's own
// glyph that character, and any other glyph the first text seen for it.
// A grapheme (a character and the marks on it) whose glyphs, read through
// those maps in writing order, do not spell it (a vowel sign drawn before
// its consonant, a bracket mirrored in right-to-left text), or whose marks
// are positioned (readers that sort by position move them), is wrapped in
// a /Span with its /ActualText. Not a right-to-left grapheme of several
// characters: poppler reverses such a span's text.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace brief {

// One glyph of a line, in writing order: runs[run].glyphs[glyph].
struct GlyphRef {
  int run = 0, glyph = 0;
};

// Glyphs order[first..last] of a line stand for `text` (/ActualText).
struct TextSpan {
  size_t first = 0, last = 0;
  std::string text;
  bool operator==(const TextSpan&) const = default;
};

struct TextLayer {
  // Per face: glyph id → the characters it stands for (UTF-8).
  std::map<int, std::unordered_map<uint32_t, std::string>> to_unicode;
  // Per text item (display-list order): its glyphs in writing order, and
  // the spans of them that carry /ActualText, in order.
  std::vector<std::vector<GlyphRef>> order;
  std::vector<std::vector<TextSpan>> spans;
};

// The glyph a face maps a code point to (0: none).
using NominalGlyph = std::function<uint32_t(int face, int cp)>;

// Works out the writing order, ToUnicode maps and /ActualText lines.
TextLayer BuildTextLayer(const std::vector<TextItem>& texts, const NominalGlyph& nominal);

}  // namespace brief
