#include "render/pdf_render.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/utf8.h"
#include "render/embed_font.h"
#include "render/pdf_document.h"

namespace brief {

namespace {

void SetFill(HPDF_Page page, const Color& c) {
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                       static_cast<HPDF_REAL>(c.b));
}

void SetStroke(HPDF_Page page, const Color& c) {
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                         static_cast<HPDF_REAL>(c.b));
}

// Paints the current path as a shape asks.
void Paint(HPDF_Page page, bool fill, bool stroke) {
  if (fill && stroke) {
    HPDF_Page_FillStroke(page);
  } else if (fill) {
    HPDF_Page_Fill(page);
  } else {
    HPDF_Page_Stroke(page);
  }
}

// The code points each face draws.
std::map<int, std::set<int>> UsedCodePoints(const DisplayList& items) {
  std::map<int, std::set<int>> used;
  for (const TextItem& t : items.texts) {
    for (int cp : ToCodePoints(t.text)) used[t.face].insert(cp);
  }
  return used;
}

bool IsAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Sets the info entries that are (or are not) plain ASCII.
void SetInfo(PdfDocument& doc, const PdfInfo& info, bool ascii_only) {
  HPDF_Doc pdf = doc.get();
  auto set = [&](HPDF_InfoType type, const std::string& value) {
    if (!value.empty() && IsAscii(value) == ascii_only) HPDF_SetInfoAttr(pdf, type, value.c_str());
  };
  set(HPDF_INFO_TITLE, info.title);
  set(HPDF_INFO_SUBJECT, info.subject);
  set(HPDF_INFO_KEYWORDS, info.keywords);
  set(HPDF_INFO_AUTHOR, info.author);
  set(HPDF_INFO_CREATOR, info.creator);
  set(HPDF_INFO_PRODUCER, info.producer);
  if (!ascii_only) return;
  HPDF_Date date{info.year, info.month, info.day, info.hour, info.minute, info.second, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
}

}  // namespace

std::string EncodeUri(const std::string& uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}') {
      out += fmt::format("%{:02X}", c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

RenderResult RenderPdf(const PageLayout& layout, const Template& t, const FontSet& fonts,
                       const PdfInfo& info) {
  RenderResult result;
  PdfDocument doc;
  if (!doc.ok()) {
    result.error = doc.error();
    return result;
  }
  HPDF_Doc pdf = doc.get();
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  SetInfo(doc, info, /*ascii_only=*/true);  // As plain strings: shorter.
  HPDF_SetCurrentEncoder(pdf, "UTF-8");     // Non-ASCII info needs it first.
  SetInfo(doc, info, /*ascii_only=*/false);

  const DisplayList& items = layout.items;
  std::map<int, HPDF_Font> pdf_fonts;
  std::map<int, std::vector<int>> used;
  for (const auto& [face, code_points] : UsedCodePoints(items)) {
    std::string error;
    used[face].assign(code_points.begin(), code_points.end());
    HPDF_Font font = EmbedSubsetFont(pdf, fonts.face(face), used[face], &error);
    if (!font) {
      result.error = error.empty() ? doc.error() : error;
      return result;
    }
    pdf_fonts[face] = font;
  }

  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(t.page_width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(t.page_height));
  const double H = t.page_height;  // Layout's y grows downward; PDF's upward.
  auto Y = [&](double y) { return static_cast<HPDF_REAL>(H - y); };
  auto R = [](double v) { return static_cast<HPDF_REAL>(v); };

  for (const RectItem& r : items.rects) {
    if (r.fill) SetFill(page, r.fill_color);
    if (r.stroke) {
      SetStroke(page, r.stroke_color);
      HPDF_Page_SetLineWidth(page, R(r.line_width));
    }
    HPDF_Page_Rectangle(page, R(r.x), Y(r.y + r.h), R(r.w), R(r.h));
    Paint(page, r.fill, r.stroke);
  }
  bool dashed = false;
  for (const LineItem& l : items.lines) {
    SetStroke(page, l.color);
    HPDF_Page_SetLineWidth(page, R(l.width));
    if (l.dashed != dashed) {
      static const HPDF_UINT16 kDash[] = {2, 2};
      HPDF_Page_SetDash(page, l.dashed ? kDash : nullptr, l.dashed ? 2 : 0, 0);
      dashed = l.dashed;
    }
    HPDF_Page_MoveTo(page, R(l.x1), Y(l.y1));
    HPDF_Page_LineTo(page, R(l.x2), Y(l.y2));
    HPDF_Page_Stroke(page);
  }
  if (dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
  for (const ShapeItem& s : items.shapes) {
    if (s.fill) SetFill(page, s.fill_color);
    if (s.stroke) {
      SetStroke(page, s.stroke_color);
      HPDF_Page_SetLineWidth(page, R(s.line_width));
    }
    if (s.kind == ShapeItem::Kind::kCircle) {
      HPDF_Page_Circle(page, R(s.cx), Y(s.cy), R(s.r));
    } else {
      for (size_t i = 0; i + 1 < s.points.size(); i += 2) {
        if (i == 0) {
          HPDF_Page_MoveTo(page, R(s.points[i]), Y(s.points[i + 1]));
        } else {
          HPDF_Page_LineTo(page, R(s.points[i]), Y(s.points[i + 1]));
        }
      }
      HPDF_Page_ClosePath(page);
    }
    Paint(page, s.fill, s.stroke);
  }
  for (const ImageItem& im : items.images) {
    HPDF_Image image = LoadImage(pdf, im.path);
    if (!image) {
      result.error = fmt::format("cannot load the logo '{}' ({})", im.path, doc.error());
      return result;
    }
    HPDF_Page_DrawImage(page, image, R(im.x), Y(im.y + im.h), R(im.w), R(im.h));
  }
  if (!items.texts.empty()) {
    HPDF_Page_BeginText(page);
    int current_face = -1;
    double current_size = -1;
    Color current_color{-1, -1, -1};
    for (const TextItem& text : items.texts) {
      if (text.face != current_face || text.size != current_size) {
        HPDF_Page_SetFontAndSize(page, pdf_fonts[text.face], R(text.size));
        current_face = text.face;
        current_size = text.size;
      }
      if (!(text.color == current_color)) {
        SetFill(page, text.color);
        current_color = text.color;
      }
      HPDF_Page_TextOut(page, R(text.x), Y(text.baseline), text.text.c_str());
    }
    HPDF_Page_EndText(page);
  }
  for (const LinkItem& link : items.links) {
    HPDF_Rect rect{R(link.x), Y(link.y + link.h), R(link.x + link.w), Y(link.y)};
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page, rect, EncodeUri(link.uri).c_str());
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
  }
  if (!doc.ok()) {
    result.error = doc.error();
    return result;
  }
  if (!FixToUnicode(doc, pdf_fonts, used)) {
    result.error = doc.error();
    return result;
  }
  if (HPDF_SaveToStream(pdf) != HPDF_OK || !doc.ok()) {
    result.error = doc.error();
    return result;
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  result.pdf.resize(size);
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(result.pdf.data()), &read);
  result.pdf.resize(read);
  result.ok = doc.ok() || read == size;
  if (!result.ok) result.error = doc.error();
  return result;
}

}  // namespace brief
