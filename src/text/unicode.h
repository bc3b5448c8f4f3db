// Unicode properties the text stage needs beyond UTF-8: scripts, clusters,
// default-ignorable characters, right-to-left letters.
#pragma once

#include <cstdint>
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

// True when the text holds a character that can make the bidirectional
// algorithm reorder anything: a right-to-left letter or an explicit
// directional control.
bool MayNeedBidi(const std::vector<int>& text);

}  // namespace brief
