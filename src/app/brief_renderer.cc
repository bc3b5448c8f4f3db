#include "app/brief_renderer.h"

#include <algorithm>
#include <ctime>
#include <fstream>

#include <fmt/format.h>

#include "base/image_check.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "layout/page_layout.h"
#include "render/pdf_render.h"
#include "text/shaped_text.h"
#include "text/unicode.h"

namespace brief {

namespace {

// The logo's bytes, read once and checked again right before drawing (the
// file may have changed since validation): libharu gets only images that
// cannot fail inside libpng. False with *problem when the logo is unusable.
bool LoadLogo(const std::string& path, std::string* bytes, ImageSize* size, std::string* problem) {
  if (path.empty()) return true;
  ImageLimits limits;
  std::ifstream in(path, std::ios::binary);
  bytes->assign(limits.max_bytes + 1, '\0');
  in.read(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  bytes->resize(static_cast<size_t>(in.gcount()));
  std::string why, hint;
  if (!in.eof() && bytes->size() <= limits.max_bytes) {
    *problem = fmt::format("cannot read the logo '{}'", path);
    return false;
  }
  if (!CheckImage(*bytes, limits, &size->width, &size->height, &why, &hint)) {
    *problem = fmt::format("the logo '{}' {}", path, why);
    return false;
  }
  return true;
}

// A field as the page's text layer has it: spaces normalized, no control
// or bidirectional formatting characters (a document title is shown
// without them, and they would let one field reorder the next).
std::string Plain(const std::string& field) {
  std::string out;
  for (int cp : ToCodePoints(NormalizeSpaces(field))) {
    if (!IsBidiControl(cp)) AppendUtf8(cp, &out);
  }
  return out;
}

PdfInfo MakeInfo(const Brief& b, long long source_date_epoch) {
  PdfInfo info;
  const Company& c = b.company;
  std::string name = Plain(c.name), industry = Plain(c.industry), hq = Plain(c.headquarters);
  info.title = name + " — company brief";
  info.subject = fmt::format("Company brief: {}, {}; facts as of {}", industry, hq,
                             FormatHuman(b.as_of));
  info.keywords = name;
  if (!c.native_name.empty()) info.keywords += ", " + Plain(c.native_name);
  info.keywords += ", " + industry + ", " + hq + ", company brief";
  info.author = Plain(b.prepared_by);
  info.language = b.language;
  info.creator = GeneratorName();
  info.producer = GeneratorName() + " (libharu 2.3.0)";
  if (source_date_epoch >= 0) {
    std::time_t t = static_cast<std::time_t>(source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    info.year = tm.tm_year + 1900;
    info.month = tm.tm_mon + 1;
    info.day = tm.tm_mday;
    info.hour = tm.tm_hour;
    info.minute = tm.tm_min;
    info.second = tm.tm_sec;
  } else {
    info.year = b.as_of.year;
    info.month = b.as_of.month ? b.as_of.month : 1;
    info.day = b.as_of.day ? b.as_of.day : 1;
  }
  return info;
}

}  // namespace

std::string GeneratorName() { return "brief 0.1.0"; }

std::vector<Diagnostic> MissingGlyphDiagnostics(const std::vector<MissingGlyph>& missing,
                                                const std::string& file) {
  std::vector<std::string> paths;
  for (const MissingGlyph& m : missing) {
    if (std::find(paths.begin(), paths.end(), m.path) == paths.end()) paths.push_back(m.path);
  }
  std::vector<Diagnostic> out;
  for (const std::string& path : paths) {
    // At most kListed characters are named; a field in a script no font
    // has would otherwise give a line of hundreds.
    constexpr int kListed = 12;
    std::string shown, codes;
    int count = 0;
    for (const MissingGlyph& m : missing) {
      if (m.path != path) continue;
      if (count < kListed) {
        std::string c;
        AppendUtf8(m.code_point, &c);
        shown += fmt::format("{}'{}'", count ? ", " : "", c);
        codes += (count ? ", " : "") + CodePointName(m.code_point);
      }
      ++count;
    }
    if (count > kListed) {
      shown += fmt::format(" and {} more", count - kListed);
      codes += ", ...";
    }
    out.push_back({Severity::kWarning, file, 0, 0, path,
                   fmt::format("no font of the template has {} ({}); {} will not show", shown, codes,
                               count == 1 ? "it" : "they"),
                   fmt::format("add a font that has {} to the template's fonts.fallback",
                               count == 1 ? "it" : "them")});
  }
  return out;
}

namespace {

// Where in the brief a page section's content comes from, so that an
// overflow points at the key to shorten.
std::string SectionPath(const std::string& section) {
  if (section == "summary") return "company.summary";
  if (section == "people") return "company.people";
  if (section == "facts") return "company";
  if (section == "header and sources") return "sources";
  return section;
}

}  // namespace

PageLayout BriefRenderer::Lay(const Brief& brief, const std::string& file, ImageSize logo_size,
                              const TextShaper& shaper, std::vector<Diagnostic>* diagnostics) const {
  LayoutInput input{brief, template_, shaper, logo_size, GeneratorName()};
  PageLayout page = FitPage(input);
  *diagnostics = MissingGlyphDiagnostics(page.missing, file);
  // One error per column that does not fit, at the key of the section
  // where it starts to run past the page.
  for (const Overflow& o : page.overflows) {
    diagnostics->push_back(
        {Severity::kError, file, 0, 0, SectionPath(o.section),
         fmt::format("the brief does not fit on one page even at the minimum type size ({} pt): {}",
                     template_.size_minimum, DescribeOverflow(o, input)),
         o.section == "header and sources"
             ? "shorten the sources, or the company's name and facts, or use a template with more room"
             : "shorten the sections of that column, or use a template with more room"});
  }
  return page;
}

std::vector<Diagnostic> BriefRenderer::Check(const Brief& brief, const std::string& file) const {
  TextShaper shaper(*fonts_);
  // Validation checked the logo and found its size: no second decode here.
  std::vector<Diagnostic> diagnostics;
  Lay(brief, file, {brief.company.logo_width, brief.company.logo_height}, shaper, &diagnostics);
  return diagnostics;
}

std::unique_ptr<BriefRenderer> BriefRenderer::Create(const Template& t, const std::string& fonts_dir,
                                                     std::string* error, const std::string& cache_dir) {
  std::unique_ptr<BriefRenderer> r(new BriefRenderer(t));
  r->fonts_ = FontSet::ForTemplate(t, fonts_dir, error, cache_dir.empty() ? "" : cache_dir + "/font-lookups");
  if (!r->fonts_) return nullptr;
  return r;
}

RenderOutcome BriefRenderer::Render(const Brief& brief, const std::string& file,
                                    long long source_date_epoch) const {
  RenderOutcome outcome;
  std::string logo;
  ImageSize logo_size;
  std::string problem;
  if (!LoadLogo(brief.company.logo_path, &logo, &logo_size, &problem)) {
    outcome.diagnostics.push_back({Severity::kError, file, 0, 0, "company.logo", problem, ""});
    return outcome;
  }
  if (!brief.company.logo_path.empty()) outcome.logo_sha256 = Sha256Hex(logo);
  TextShaper shaper(*fonts_);  // Per brief: it caches shaped text.
  PageLayout page = Lay(brief, file, logo_size, shaper, &outcome.diagnostics);
  outcome.body_size = template_.size_base * page.scale;
  if (!page.overflows.empty()) return outcome;
  RenderResult pdf = RenderPdf(page, template_, *fonts_, MakeInfo(brief, source_date_epoch), logo);
  if (!pdf.ok) {
    outcome.diagnostics.push_back({Severity::kError, file, 0, 0, "", "rendering failed: " + pdf.error, ""});
    return outcome;
  }
  outcome.ok = true;
  outcome.pdf = std::move(pdf.pdf);
  for (const TextItem& text : page.items.texts) {
    for (const GlyphRun& run : text.runs) outcome.font_files.push_back(fonts_->face(run.face).path());
  }
  std::sort(outcome.font_files.begin(), outcome.font_files.end());
  outcome.font_files.erase(std::unique(outcome.font_files.begin(), outcome.font_files.end()),
                           outcome.font_files.end());
  return outcome;
}

}  // namespace brief
