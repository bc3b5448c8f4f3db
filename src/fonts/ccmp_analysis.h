// Whether a font's `ccmp` (glyph composition and decomposition) feature can
// change text that has no combining marks. HarfBuzz runs ccmp over every
// glyph; in Inter its lookups (mark compositions, dotless i before marks)
// were 60 % of the shaping time of a page that has no mark at all. Where
// this analysis proves that none of them can apply, shaping such a run
// without ccmp gives the same glyphs, positions, clusters and break flags.
//
// The proof, for GSUB tables read defensively (anything unexpected, out of
// bounds or unknown counts as "can apply"):
//   M = the glyphs the character map gives combining marks (Mn, Mc, Me)
//       and private-use characters, and the glyphs GDEF classes as marks.
//   A run qualifies when none of its characters is a mark and each has a
//   glyph outside M (so no private-use character whose glyph is in M), so HarfBuzz's normalizer keeps them as they are and
//   the glyph stream starts free of M.
//   1. Every rule of every ccmp lookup (of any script and language, and of
//      any FeatureVariations alternate) needs a glyph of M somewhere in its
//      input, backtrack or lookahead (single, multiple, alternate and
//      reverse substitutions: their coverage is inside M).
//   2. No lookup that can run before the last ccmp lookup (rvrn's and any
//      script's required feature's, and the default features' lookups with
//      a lower index, nested lookups included) can output a glyph of M.
// Then the stream never holds a glyph of M while ccmp runs, no ccmp rule
// matches, and a rule that does not match changes nothing HarfBuzz reports
// to us (it may set UNSAFE_TO_CONCAT, which is not read).
#pragma once

struct hb_face_t;
struct hb_set_t;

namespace brief {

// M above (the glyphs of combining marks, by character map and by GDEF),
// into *marks.
void CollectMarkGlyphs(hb_face_t* face, hb_set_t* marks);

// True when conditions 1 and 2 above hold for `face` with `marks` = M (and
// the face has a GSUB table with a ccmp feature and no AAT morx table).
bool CcmpNeedsMarks(hb_face_t* face, const hb_set_t* marks);

}  // namespace brief
