// Embeds subset TrueType fonts as Type0/CIDFontType2 fonts through
// libharu's object layer, bypassing libharu's own font code: that code maps
// all 65,536 code points per font per document (most of a page's render
// time), writes a 128 KB glyph map per font, and a malformed ToUnicode CMap.
//
// Here glyph ids are the character codes (CIDToGIDMap /Identity), widths
// are written only for the glyphs used, and ToUnicode maps each glyph back
// to its text, so copying and searching work.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fonts/font_face.h"
#include "render/pdf_document.h"

namespace brief {

class EmbeddedFont {
 public:
  // Subsets `face` to `code_points` (sorted, unique) and adds the font's
  // objects to the document. Returns false with *error on failure.
  bool Embed(PdfDocument& doc, const FontFace& face, const std::vector<int>& code_points,
             std::string* error);

  // The Type0 font dictionary, for a page's /Font resources.
  HPDF_Dict dict() const { return type0_; }

  // The text as a PDF hex string of 2-byte glyph ids ("<0012003A>"); every
  // code point must be one given to Embed.
  std::string Encode(std::string_view utf8) const;

 private:
  HPDF_Dict type0_ = nullptr;
  std::unordered_map<int, int> glyph_of_;  // Code point → subset glyph id.
};

// "ABCDEF": a subset tag (six capitals) derived from the font name and the
// code points, so the same page always gets the same bytes.
std::string SubsetTag(const std::string& name, const std::vector<int>& code_points);

// The ToUnicode CMap text mapping each glyph id to its code point.
std::string ToUnicodeCMap(const std::vector<std::pair<int, int>>& glyph_to_code_point);

}  // namespace brief
