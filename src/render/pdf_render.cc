#include "render/pdf_render.h"

#include "render/deflate.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/image_info.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "render/font_embedder.h"
#include "render/pdf_document.h"
#include "render/text_layer.h"

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

// The glyphs each face draws (never .notdef).
std::map<int, std::set<uint32_t>> UsedGlyphs(const DisplayList& items) {
  std::map<int, std::set<uint32_t>> used;
  for (const TextItem& t : items.texts) {
    for (const GlyphRun& run : t.runs) {
      for (const Glyph& g : run.glyphs) {
        if (g.id != 0) used[run.face].insert(g.id);
      }
    }
  }
  return used;
}

// A PNG or JPEG (judged by content) for drawing, from its bytes; nullptr
// on failure (recorded by the document's error handler).
HPDF_Image LoadImage(HPDF_Doc pdf, const std::string& bytes) {
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  auto size = static_cast<HPDF_UINT>(bytes.size());
  switch (SniffImage(bytes)) {
    case ImageType::kPng: return HPDF_LoadPngImageFromMem(pdf, data, size);
    case ImageType::kJpeg: return HPDF_LoadJpegImageFromMem(pdf, data, size);
    case ImageType::kUnknown: break;
  }
  return nullptr;
}

// A number for a content stream: at most 2 decimals, no trailing zeros.
std::string Num(double v) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2);
  std::string s(buffer, ec == std::errc() ? end : buffer);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s.empty() || s == "-0" ? "0" : s;
}

// A PDF text string (UTF-16BE with its byte-order mark) as hex.
std::string HexTextString(const std::string& utf8) {
  std::string bytes = "\xFE\xFF";
  for (int cp : ToCodePoints(utf8)) AppendUtf16Be(cp, &bytes);
  std::string hex = "<";
  for (unsigned char b : bytes) hex += fmt::format("{:02X}", b);
  return hex + ">";
}

// Shows a line's glyphs in writing order, starting with the pen at the
// line's origin (set by Tm). Glyph g of the run at visual position r
// belongs at
//   P = (advances of the runs left of r) + (advances before g in r) + dx_g
// (1/1000 em), and showing a glyph moves the pen by its /W width, so before
// each glyph a TJ adjustment of (pen - P) moves the pen to P (TJ numbers
// move it left). A vertical offset is a text rise (Ts). Returns with the
// rise back at 0.
void ShowLine(const TextItem& t, const std::vector<GlyphRef>& order, const std::vector<TextSpan>& spans,
              const std::map<int, EmbeddedFont>& fonts, int* face, std::string* out) {
  bool heavier = false;  // Text render mode 2: filled and stroked in the fill colour.
  std::vector<std::vector<double>> origin(t.runs.size());
  double x = 0;
  for (size_t r = 0; r < t.runs.size(); ++r) {
    for (const Glyph& g : t.runs[r].glyphs) {
      origin[r].push_back(x);
      x += g.advance;
    }
  }
  double pen = 0, rise = 0;
  std::string array;
  bool in_string = false;  // The array ends inside an open literal string.
  auto close_string = [&] {
    if (in_string) array += ')';
    in_string = false;
  };
  auto flush = [&] {
    close_string();
    if (!array.empty()) *out += "[" + array + "] TJ\n";
    array.clear();
  };
  size_t span = 0;
  const EmbeddedFont* font = nullptr;  // The font of the run `font_run`.
  int font_run = -1;
  for (size_t k = 0; k < order.size(); ++k) {
    const GlyphRef& ref = order[k];
    if (span < spans.size() && spans[span].first == k) {
      flush();
      *out += "/Span <</ActualText " + HexTextString(spans[span].text) + ">> BDC\n";
    }
    const GlyphRun& run = t.runs[static_cast<size_t>(ref.run)];
    const Glyph& g = run.glyphs[static_cast<size_t>(ref.glyph)];
    if (ref.run != font_run) {
      font_run = ref.run;
      font = &fonts.at(run.face);
    }
    if (run.face != *face) {
      flush();
      *out += fmt::format("/F{} {} Tf\n", run.face, Num(t.size));
      *face = run.face;
    }
    if (run.embolden != heavier) {
      // Bold asked of a face with no bold design: outlines stroked 3 % of
      // an em wide, half of it outside, as word processors embolden.
      flush();
      heavier = run.embolden;
      *out += heavier ? fmt::format("2 Tr {} w {} {} {} RG\n", Num(t.size * 0.03), Num(t.color.r),
                                    Num(t.color.g), Num(t.color.b))
                      : "0 Tr\n";
    }
    if (g.dy != rise) {
      flush();
      rise = g.dy;
      *out += Num(rise * t.size / 1000) + " Ts\n";
    }
    double target = origin[static_cast<size_t>(ref.run)][static_cast<size_t>(ref.glyph)] + g.dx;
    // The adjustment as written (two decimals), so rounding never adds up
    // along a line.
    double adjust = std::round((pen - target) * 100) / 100;  // Never more than 0.005 off.
    if (adjust != 0) {
      close_string();
      array += Num(adjust);  // Always followed by a glyph string.
      pen -= adjust;
    }
    if (!in_string) array += '(';  // Else the glyph string goes on.
    in_string = true;
    font->AppendCode(g.id, &array);
    pen += font->Width(g.id);
    if (span < spans.size() && spans[span].last == k) {
      flush();
      *out += "EMC\n";
      ++span;
    }
  }
  flush();
  if (rise != 0) *out += "0 Ts\n";
  if (heavier) *out += "0 Tr\n";
}

// A coordinate in hundredths of a point, as Num writes it.
long long Hundredths(double v) { return std::llround(v * 100); }

// The text of the page as one BT ... ET block: font and colour set only
// when they change, each line placed by a Td from the one before (the
// text line matrix starts at the identity in BT), its origin rounded to
// 0.01 pt first so the moves add up to exactly the rounded positions,
//   Td_i = round(origin_i) - round(origin_(i-1)),
// and graphemes whose glyphs do not spell them wrapped in /ActualText.
std::string TextBlock(const std::vector<TextItem>& texts, const TextLayer& layer,
                      const std::map<int, EmbeddedFont>& fonts, double page_height) {
  std::string out = "BT\n";
  int face = -1;
  double size = -1;
  Color color{-1, -1, -1};
  long long line_x = 0, line_y = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    const TextItem& t = texts[i];
    if (!(t.color == color)) {
      out += fmt::format("{} {} {} rg\n", Num(t.color.r), Num(t.color.g), Num(t.color.b));
      color = t.color;
    }
    long long x = Hundredths(t.x), y = Hundredths(page_height - t.baseline);
    // Num writes hundredths exactly: they are what it rounds to.
    out += Num(static_cast<double>(x - line_x) / 100);
    out += ' ';
    out += Num(static_cast<double>(y - line_y) / 100);
    out += " Td\n";
    line_x = x;
    line_y = y;
    if (t.size != size) face = -1;  // Tf sets both.
    size = t.size;
    ShowLine(t, layer.order[i], layer.spans[i], fonts, &face, &out);
  }
  return out + "ET\n";
}

bool IsAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// UTF-8 → a PDF text string in UTF-16BE with its byte-order mark.
std::string Utf16Be(const std::string& utf8) {
  std::string out = "\xFE\xFF";
  for (int cp : ToCodePoints(utf8)) AppendUtf16Be(cp, &out);
  return out;
}

// Fills the Info dictionary: ASCII values as plain strings, others as
// UTF-16BE. (libharu would need its UTF-8 encoder for those, whose set-up
// clears 65,536-entry tables on every document.)
void SetInfo(PdfDocument& doc, const PdfInfo& info) {
  HPDF_Doc pdf = doc.get();
  HPDF_Date date{info.year, info.month, info.day, info.hour, info.minute, info.second, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);  // Creates pdf->info.
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  auto set = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (IsAscii(value)) {
      HPDF_Dict_Add(pdf->info, key, HPDF_String_New(pdf->mmgr, value.c_str(), nullptr));
    } else {
      std::string bytes = Utf16Be(value);
      HPDF_Dict_Add(pdf->info, key,
                    HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                    static_cast<HPDF_UINT>(bytes.size())));
    }
  };
  set("Title", info.title);
  set("Subject", info.subject);
  set("Keywords", info.keywords);
  set("Author", info.author);
  set("Creator", info.creator);
  set("Producer", info.producer);
  // For mail and archives: the language of the text (screen readers,
  // search), and the title, not the file name, in the viewer's title bar.
  HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, info.language.c_str(), nullptr));
  HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
}

// The trailer's /ID: the file's identity, derived from what the page shows
// (every text and link), so the same brief gives the same bytes and
// another brief another identifier. Both halves are the same, as for a
// file that was never modified.
void SetFileId(PdfDocument& doc, const DisplayList& items) {
  std::string content;
  for (const TextItem& t : items.texts) content += t.text + '\n';
  for (const LinkItem& l : items.links) content += l.uri + '\n';
  std::string hex = Sha256Hex(content);
  HPDF_BYTE id[16];
  for (int i = 0; i < 16; ++i) id[i] = static_cast<HPDF_BYTE>(std::stoi(hex.substr(static_cast<size_t>(i) * 2, 2), nullptr, 16));
  HPDF_Doc pdf = doc.get();
  HPDF_Array array = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(array, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Array_Add(array, HPDF_Binary_New(pdf->mmgr, id, 16));
  HPDF_Dict_Add(pdf->trailer, "ID", array);
}

}  // namespace

std::string CheckGeometry(const PageLayout& page, double width, double height) {
  constexpr double kSlack = 0.5;
  auto box = [&](const char* what, double x, double y, double w, double h) -> std::string {
    for (double v : {x, y, w, h}) {
      if (!std::isfinite(v)) return fmt::format("{} has a coordinate that is not a number", what);
    }
    if (w < -kSlack || h < -kSlack || x < -kSlack || y < -kSlack || x + w > width + kSlack ||
        y + h > height + kSlack) {
      return fmt::format("{} at ({:.1f}, {:.1f}) size {:.1f} × {:.1f} lies off the {:.0f} × {:.0f} page",
                         what, x, y, w, h, width, height);
    }
    return "";
  };
  const DisplayList& d = page.items;
  std::string problem;
  for (const RectItem& r : d.rects) {
    if (problem.empty()) problem = box("a rectangle", r.x, r.y, r.w, r.h);
  }
  for (const LineItem& l : d.lines) {
    if (problem.empty()) {
      problem = box("a line", std::min(l.x1, l.x2), std::min(l.y1, l.y2), std::abs(l.x2 - l.x1),
                    std::abs(l.y2 - l.y1));
    }
  }
  for (const ShapeItem& sh : d.shapes) {
    if (problem.empty()) problem = box("a marker", sh.cx - sh.r, sh.cy - sh.r, 2 * sh.r, 2 * sh.r);
    for (size_t i = 0; i + 1 < sh.points.size() && problem.empty(); i += 2) {
      problem = box("a marker", sh.points[i], sh.points[i + 1], 0, 0);
    }
  }
  for (const ImageItem& im : d.images) {
    if (problem.empty()) problem = box("the logo", im.x, im.y, im.w, im.h);
  }
  for (const TextItem& t : d.texts) {
    if (problem.empty()) problem = box("text", t.x, t.baseline - t.size, t.width, t.size);
    if (problem.empty() && !std::isfinite(t.size)) problem = "text has a size that is not a number";
  }
  for (const LinkItem& l : d.links) {
    if (problem.empty()) problem = box("a link", l.x, l.y, l.w, l.h);
  }
  return problem;
}

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
                       const PdfInfo& info, const std::string& logo) {
  RenderResult result;
  if (std::string problem = CheckGeometry(layout, t.page_width, t.page_height); !problem.empty()) {
    result.error = "layout put " + problem + " (a bug; please report it with the brief)";
    return result;
  }
  PdfDocument doc;
  if (!doc.ok()) {
    result.error = doc.error();
    return result;
  }
  HPDF_Doc pdf = doc.get();
  // libharu compresses only images (a logo); every other stream is
  // deflated here (render/deflate.h).
  HPDF_SetCompressionMode(pdf, HPDF_COMP_IMAGE);
  SetInfo(doc, info);
  // The file uses PDF 1.4 features (/Lang, /DisplayDocTitle, a logo's soft
  // mask), so it says 1.4; libharu would write the version of what it drew.
  pdf->pdf_version = HPDF_VER_14;

  const DisplayList& items = layout.items;
  TextLayer layer = BuildTextLayer(items.texts, [&](int face, int cp) {
    return fonts.face(face).NominalGlyph(cp);
  });
  std::map<int, EmbeddedFont> embedded;
  for (const auto& [face, glyphs] : UsedGlyphs(items)) {
    std::string error;
    if (!embedded[face].Embed(doc, fonts.face(face),
                              std::vector<uint32_t>(glyphs.begin(), glyphs.end()),
                              layer.to_unicode[face], &error)) {
      result.error = error;
      return result;
    }
  }

  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(t.page_width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(t.page_height));
  const double H = t.page_height;  // Layout's y grows downward; PDF's upward.
  auto Y = [&](double y) { return static_cast<HPDF_REAL>(H - y); };
  auto R = [](double v) { return static_cast<HPDF_REAL>(v); };

  for (const RectItem& r : items.rects) {
    SetFill(page, r.fill_color);
    HPDF_Page_Rectangle(page, R(r.x), Y(r.y + r.h), R(r.w), R(r.h));
    HPDF_Page_Fill(page);
  }
  for (const LineItem& l : items.lines) {
    SetStroke(page, l.color);
    HPDF_Page_SetLineWidth(page, R(l.width));
    if (l.dash > 0) {
      // libharu takes whole points for the pattern.
      auto n = static_cast<HPDF_UINT16>(std::max(1.0, std::round(l.dash)));
      HPDF_UINT16 dash[] = {n, n};
      HPDF_Page_SetDash(page, dash, 2, 0);
    }
    HPDF_Page_MoveTo(page, R(l.x1), Y(l.y1));
    HPDF_Page_LineTo(page, R(l.x2), Y(l.y2));
    HPDF_Page_Stroke(page);
    if (l.dash > 0) HPDF_Page_SetDash(page, nullptr, 0, 0);
  }
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
    HPDF_Image image = LoadImage(pdf, logo);
    if (!image) {
      result.error = fmt::format("cannot load the logo '{}' ({})", im.path, doc.error());
      return result;
    }
    HPDF_Page_DrawImage(page, image, R(im.x), Y(im.y + im.h), R(im.w), R(im.h));
  }
  if (!items.texts.empty()) {
    // The fonts go into the page's resources as /F<face>; the text is
    // written straight into the content stream after everything libharu drew.
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    HPDF_Dict font_resources = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(resources, "Font", font_resources);
    for (const auto& [face, font] : embedded) {
      HPDF_Dict_Add(font_resources, fmt::format("F{}", face).c_str(), font.dict());
    }
    // Written with its length: glyph codes in literal strings hold NUL bytes.
    std::string text = TextBlock(items.texts, layer, embedded, H);
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                      static_cast<HPDF_UINT>(text.size()));
  }
  for (const LinkItem& link : items.links) {
    HPDF_Rect rect{R(link.x), Y(link.y + link.h), R(link.x + link.w), Y(link.y)};
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page, rect, EncodeUri(link.uri).c_str());
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    HPDF_Dict_AddNumber(annot, "F", 4);  // Print: the link stays a link in a printed PDF's viewer.
  }
  // The page's content stream (libharu's drawing and the text block),
  // deflated here rather than by libharu (see render/deflate.h).
  auto* page_attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!PutDeflated(page_attr->contents, MemStreamBytes(page_attr->stream), 6)) {
    result.error = "cannot compress the page's content";
    return result;
  }
  SetFileId(doc, items);
  if (!doc.ok()) {
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
