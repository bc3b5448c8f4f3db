// Unicode properties the text stage needs beyond UTF-8: scripts, clusters,
// default-ignorable characters, right-to-left letters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace brief {

// HarfBuzz's script tag (HB_SCRIPT_*) of every code point, with Common and
// Inherited characters (spaces, digits, punctuation, combining marks) given
// the script of the text around them: the preceding script, or the following
// one at the start. All Common text gets HB_SCRIPT_COMMON.
std::vector<uint32_t> ResolveScripts(const std::vector<int>& text);

// True for characters that extend the character before them into one
// cluster: combining marks, joiners, variation selectors, emoji modifiers.
bool ExtendsCluster(int cp);

// True for default-ignorable code points (joiners, directional marks,
// variation selectors, soft hyphen, ...): drawn as nothing, so no font needs
// a glyph for them.
bool IsDefaultIgnorable(int cp);

// True for the bidirectional formatting characters (marks, embeddings,
// overrides, isolates): they steer the order of what is drawn but are not
// text to copy or search.
bool IsBidiControl(int cp);

// `field` wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, so
// that, composed with other text ("industry · headquarters"), its
// direction and any directional controls in it stay inside it (UAX #9,
// rules X5c, X6a), and the composed text takes its direction from what is
// outside the fields.
std::string Isolate(const std::string& field);

// True when the text holds a character that can make the bidirectional
// algorithm reorder anything: a right-to-left letter or an explicit
// directional control.
bool MayNeedBidi(const std::vector<int>& text);

// Columns a terminal gives the character: 2 for East Asian wide and
// fullwidth ones (CJK, Hangul, most emoji), 0 for combining marks, joiners
// and other default-ignorable characters, 1 for the rest.
int DisplayWidth(int cp);

}  // namespace brief
