// Embeds subset TrueType fonts as Type0/CIDFontType2 fonts through
// libharu's object layer, bypassing libharu's own font code: that code maps
// all 65,536 code points per font per document (most of a page's render
// time), writes a 128 KB glyph map per font, and a malformed ToUnicode CMap.
//
// Here the subset's glyph ids are the character codes (CIDToGIDMap
// /Identity), widths are written only for the glyphs used (each the font's
// own advance), and ToUnicode maps glyphs back to their text (see
// text_layer.h), so copying and searching work.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fonts/font_face.h"
#include "render/pdf_document.h"

namespace brief {

class EmbeddedFont {
 public:
  // Subsets `face` to `glyphs` (the face's glyph ids, sorted, unique, no 0)
  // and adds the font's objects to the document; `to_unicode` gives the text
  // of those glyphs that have one. Returns false with *error on failure.
  bool Embed(PdfDocument& doc, const FontFace& face, const std::vector<uint32_t>& glyphs,
             const std::unordered_map<uint32_t, std::string>& to_unicode, std::string* error);

  // The Type0 font dictionary, for a page's /Font resources.
  HPDF_Dict dict() const { return type0_; }

  // Appends the two bytes of the character code for `glyph` (one given to
  // Embed) as they go inside a literal string: '(', ')' and '\\' escaped,
  // and CR and LF too, so that a content stream's lines stay lines and no
  // reader turns a CR into an LF.
  void AppendCode(uint32_t glyph, std::string* out) const;

  // The width /W gives `glyph`: the face's advance, 1/1000 em (written to
  // five decimals, exact for the usual 1000 and 2048 units per em).
  double Width(uint32_t glyph) const;

 private:
  HPDF_Dict type0_ = nullptr;
  std::unordered_map<uint32_t, uint32_t> new_id_;  // Face glyph id → subset glyph id.
  std::unordered_map<uint32_t, double> width_;
};

// "ABCDEF": a subset tag (six capitals) derived from the font name and the
// glyphs, so the same page always gets the same bytes.
std::string SubsetTag(const std::string& name, const std::vector<uint32_t>& glyphs);

// The ToUnicode CMap text mapping glyph ids to their text (UTF-8, one or
// more characters each).
std::string ToUnicodeCMap(const std::vector<std::pair<uint32_t, std::string>>& glyph_to_text);

}  // namespace brief
