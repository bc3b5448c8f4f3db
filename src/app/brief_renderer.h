// A valid Brief → PDF bytes, with everything that does not depend on the
// brief (template, fonts, metrics) prepared once and shared read-only, so
// one renderer serves any number of briefs, from any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/layout_context.h"
#include "model/brief.h"
#include "template/template.h"
#include "text/text_shaper.h"
#include "base/image_info.h"
#include "layout/page_layout.h"

namespace brief {

struct RenderOutcome {
  bool ok = false;
  std::string pdf;                       // The PDF's bytes when ok.
  std::vector<Diagnostic> diagnostics;   // Missing glyphs (warnings), overflow (error).
  double body_size = 0;                  // Body type size used, in points.
  std::string logo_sha256;               // Of the logo bytes drawn; "" without a logo.
  std::vector<std::string> font_files;   // Files of the faces that draw text, sorted.
};

class BriefRenderer {
 public:
  // Loads the template's fonts (looked up through the store in
  // `cache_dir` when given). nullptr and *error when a font is missing.
  static std::unique_ptr<BriefRenderer> Create(const Template& t, const std::string& fonts_dir,
                                               std::string* error, const std::string& cache_dir = "");

  // Lays the brief out (shrinking type down to the template's minimum if
  // needed) and renders it. `file` names the brief in diagnostics.
  // `source_date_epoch` (seconds, or -1) overrides the as_of-based dates.
  RenderOutcome Render(const Brief& brief, const std::string& file,
                       long long source_date_epoch) const;

  // What Render would report about the brief short of writing: characters
  // no font of the template can draw (warnings, one per field), and a page
  // that does not fit even at the minimum type size (an error).
  std::vector<Diagnostic> Check(const Brief& brief, const std::string& file) const;

  const Template& tmpl() const { return template_; }

  // The files the template's fonts resolved to (FontSet::Files).
  std::vector<std::string> FontFiles() const { return fonts_->Files(); }

 private:
  BriefRenderer(const Template& t) : template_(t) {}

  // Fits the page (shrinking type as needed); *diagnostics gets the
  // missing glyphs and, when even the minimum size overflows, the error.
  PageLayout Lay(const Brief& brief, const std::string& file, ImageSize logo_size,
                 const TextShaper& shaper, std::vector<Diagnostic>* diagnostics) const;

  Template template_;
  std::unique_ptr<FontSet> fonts_;
};

// One warning per field listing the characters no font has, in the order
// the fields were laid out: "no font of the template has 'ट', 'ा' (U+091F,
// U+093E); they will not show".
std::vector<Diagnostic> MissingGlyphDiagnostics(const std::vector<MissingGlyph>& missing,
                                                const std::string& file);

// The program's name and version for PDF metadata and the page footer.
std::string GeneratorName();

}  // namespace brief
