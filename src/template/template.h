// A template: page geometry, fonts, type sizes, colours and where each
// section goes. Loaded from templates/*.yaml and validated like a brief.
#pragma once

#include <string>
#include <vector>

namespace brief {

// An RGB colour with components in 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

// The sections a template places. Sources always go in the footer.
enum class Section { kSummary, kFacts, kPeople, kHistory, kRankings, kRevenue, kDisruptions,
                     kEvRoadmap, kPartnerships, kVolumes };

// File words for sections ("ev_roadmap") in enum order.
const std::vector<std::string>& SectionNames();

// Display heading for a section ("EV roadmap").
std::string SectionTitle(Section s);

struct Column {
  double width_percent = 50;  // Share of the content width.
  std::vector<Section> sections;
};

enum class HeaderStyle { kBand, kRule };

struct Template {
  std::string name;
  std::string path;             // Where it was loaded from.
  // Page and margins in PostScript points (1/72 inch).
  double page_width = 595.276, page_height = 841.89;
  std::string page_size = "A4";
  double margin_top = 36, margin_right = 36, margin_bottom = 32, margin_left = 36;
  double gutter = 18;           // Between columns.
  // Font names: a .ttf file in fonts/ or a fontconfig pattern.
  std::string font_regular = "DejaVu Sans";
  std::string font_bold = "DejaVu Sans:style=Bold";
  std::vector<std::string> font_fallbacks;
  // Type sizes in points at scale 1; layout shrinks them together down to
  // `minimum` for the body text when content does not fit.
  // Short content grows them together up to `maximum` (0: base, no growth).
  double size_base = 8.5, size_minimum = 6.5, size_maximum = 0, size_title = 22,
         size_heading = 9.5, size_small = 7;
  double leading = 1.3;         // Line height as a multiple of the type size.
  Color accent{0.12, 0.31, 0.47}, text{0.13, 0.13, 0.13}, muted{0.42, 0.45, 0.5},
      band{0.12, 0.31, 0.47}, band_text{1, 1, 1}, callout{0.99, 0.95, 0.91},
      callout_border{0.9, 0.49, 0.13}, rule{0.82, 0.84, 0.87}, shade{0.95, 0.96, 0.97};
  // Disruption statuses: distinct hues that also differ in lightness.
  Color ongoing{0.75, 0.16, 0.13}, partial{0.8, 0.45, 0.05}, resolved{0.18, 0.49, 0.2};
  bool headline = true;         // The strip of key figures under the header.
  HeaderStyle header = HeaderStyle::kBand;
  std::vector<Column> columns;
};

}  // namespace brief
