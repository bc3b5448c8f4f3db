// render: draws what layout decided into a one-page PDF with libharu.
#pragma once

#include <string>

#include "fonts/font_set.h"
#include "layout/page_layout.h"
#include "template/template.h"

namespace brief {

// Document metadata. Dates are fixed by the caller (from as_of or
// SOURCE_DATE_EPOCH), never read from the clock, so output is reproducible.
struct PdfInfo {
  std::string title, subject, keywords, author, creator, producer;
  std::string language = "en";  // The catalog's /Lang.
  int year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

struct RenderResult {
  bool ok = false;
  std::string pdf;    // The file's bytes when ok.
  std::string error;  // Why not, otherwise.
};

// Draws `page` on one page of the template's size. Each face that draws any
// text is embedded as a TrueType subset of just the glyphs used, with a
// ToUnicode map so text can be copied and searched.
// `logo` holds the bytes of the page's image (its ImageItem), checked by
// CheckImage.
RenderResult RenderPdf(const PageLayout& page, const Template& t, const FontSet& fonts,
                       const PdfInfo& info, const std::string& logo = "");

// "" when every number of the page is finite and every item lies on a page
// `width` × `height` points (within half a point); else what is not, for an
// error: a PDF with "inf" in it or text off the page is never written.
std::string CheckGeometry(const PageLayout& page, double width, double height);

// Percent-encodes bytes outside printable ASCII (and spaces) in a URI.
std::string EncodeUri(const std::string& uri);

}  // namespace brief
