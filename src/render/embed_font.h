// Font and image embedding on top of libharu, including the fixes libharu
// 2.3.0 needs: subset fonts, subset tags and a correct ToUnicode CMap.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <vector>

#include "fonts/font_face.h"
#include "render/pdf_document.h"

namespace brief {

// Embeds `face` reduced to `code_points` and returns the libharu font for
// UTF-8 text, or nullptr with *error set. The font's PDF name carries a
// subset tag derived from the code points ("ABCDEF+DejaVuSans"), so the same
// page always gets the same bytes.
HPDF_Font EmbedSubsetFont(HPDF_Doc pdf, const FontFace& face, const std::vector<int>& code_points,
                          std::string* error);

// Replaces the ToUnicode CMap of each font (keyed by face) with one mapping
// every used code (libharu's UTF-8 CIDs are the code points) to its Unicode
// value. `used` gives the code points per face.
bool FixToUnicode(PdfDocument& doc, const std::map<int, HPDF_Font>& fonts,
                  const std::map<int, std::vector<int>>& used);

// Loads a PNG or JPEG (judged by content) for drawing; nullptr on failure.
HPDF_Image LoadImage(HPDF_Doc pdf, const std::string& path);

}  // namespace brief
