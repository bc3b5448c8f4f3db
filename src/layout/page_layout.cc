#include "layout/page_layout.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/utf8.h"
#include "layout/headline.h"
#include "layout/sections.h"
#include "text/unicode.h"

namespace brief {

namespace {

// Header: a full-bleed band (or a rule below the title) with the company
// name, native name, a line of key facts, the as-of date and the logo.
// Returns the y where content may start.
double Header(const LayoutContext& c, const LayoutInput& in) {
  const Template& t = c.tmpl;
  const Company& co = in.brief.company;
  bool band = t.header == HeaderStyle::kBand;
  double left = t.margin_left, right = t.page_width - t.margin_right;
  double pad = band ? 14 * c.scale : 0;
  double top = band ? std::max(t.margin_top - 6, 18.0) * 0.6 : t.margin_top;
  Color ink = band ? t.band_text : t.text;
  Color soft = band ? Mix(t.band_text, t.band, 0.3) : t.muted;
  Color name_color = band ? t.band_text : t.accent;

  // Right block: "COMPANY BRIEF" and the as-of date, right-aligned.
  std::string kicker = "COMPANY BRIEF";
  std::string as_of = "As of " + FormatHuman(in.brief.as_of);
  double right_w = std::max(c.shaper.Width(kicker, kBold, c.small()),
                            c.shaper.Width(as_of, kRegular, c.small()));
  // Logo slot: as tall as the title block, at most 2.5 times as wide.
  double logo_h = 0, logo_w = 0;
  double title_lh = c.LineHeight(c.title()) * 0.95;
  if (in.logo.width > 0 && in.logo.height > 0) {
    logo_h = title_lh + c.LineHeight(c.base());
    logo_w = logo_h * in.logo.width / in.logo.height;
    if (logo_w > logo_h * 2.5) {
      logo_w = logo_h * 2.5;
      logo_h = logo_w * in.logo.height / in.logo.width;
    }
  }
  double logo_gap = logo_w > 0 ? 12 * c.scale : 0;
  double text_right = right - right_w - logo_w - logo_gap - 16 * c.scale;
  double text_w = text_right - left;

  double y = top + pad;
  // Name, then the native name beside it when it fits on the same line. A
  // long name shrinks in 8 % steps (to 60 % of the title size at most)
  // until it fits on two lines.
  double title_size = c.title();
  std::vector<TextLine> name_lines = c.Wrap(co.name, kBold, title_size, text_w, "company.name");
  while (name_lines.size() > 2 && title_size * 0.92 >= c.title() * 0.6) {
    title_size *= 0.92;
    name_lines = c.Wrap(co.name, kBold, title_size, text_w, "company.name");
  }
  // The title block reads from the left edge of the page, whatever the
  // script of the name.
  double name_h = c.DrawLines(name_lines, left, y, text_w, title_size, name_color, Align::kLeft);
  double native_size = c.title() * 0.5;
  if (!co.native_name.empty()) {
    double last_w = name_lines.empty() ? 0 : name_lines.back().width;
    double native_w = c.shaper.Width(co.native_name, kRegular, native_size);
    double gap = title_size * 0.35;
    if (last_w + gap + native_w <= text_w) {
      double line_top = y + name_h - c.LineHeight(title_size);
      // Share the title's baseline.
      double shift = c.Baseline(line_top, kBold, title_size) -
                     c.Baseline(line_top, kRegular, native_size);
      c.Label(left + last_w + gap, line_top + shift, native_w, co.native_name, kRegular, native_size,
              soft, "company.native_name");
    } else {
      name_h += c.Paragraph(left, y + name_h, text_w, co.native_name, kRegular, native_size * 1.2,
                            soft, "company.native_name", Align::kLeft);
      // Room for the marks some scripts set below the line (Thai, Arabic).
      name_h += c.base() * 0.3;
    }
  }
  y += name_h + (name_lines.size() > 1 ? c.base() * 0.25 : 0);
  // What the company is and where; the figures (founded, ...) are in the
  // headline strip or the facts box, never twice.
  std::string facts = Isolate(co.industry) + "  ·  " + Isolate(co.headquarters);
  // Characters no font has are reported against the field they are in.
  c.CheckGlyphs(co.industry, kRegular, "company.industry");
  c.CheckGlyphs(co.headquarters, kRegular, "company.headquarters");
  y += c.Paragraph(left, y, text_w, facts, kRegular, c.base(), ink, LayoutContext::kComposed,
                   Align::kLeft);
  double bottom = std::max(y, top + pad + logo_h) + pad;

  // Right block and logo, vertically centred in the header.
  double block_h = c.LineHeight(c.small()) * 2;
  double block_top = top + pad + (bottom - pad - top - pad - block_h) / 2;
  double right_x = right - logo_w - logo_gap - right_w;
  c.Label(right_x, block_top, right_w, kicker, kBold, c.small(), ink, "", Align::kRight);
  c.Label(right_x, block_top + c.LineHeight(c.small()), right_w, as_of, kRegular, c.small(), soft,
          "", Align::kRight);
  if (c.out) {
    if (logo_w > 0) {
      double logo_top = top + pad + (bottom - pad - top - pad - logo_h) / 2;
      if (band) {
        // A white plate so any logo reads on the band.
        RectItem plate;
        double p = 3 * c.scale;
        plate.x = right - logo_w - p;
        plate.y = logo_top - p;
        plate.w = logo_w + 2 * p;
        plate.h = logo_h + 2 * p;
        plate.fill_color = Color{1, 1, 1};
        c.out->rects.push_back(plate);
      }
      c.out->images.push_back({right - logo_w, logo_top, logo_w, logo_h, co.logo_path});
    }
    if (band) {
      RectItem r;
      r.x = 0;
      r.y = 0;
      r.w = t.page_width;
      r.h = bottom;
      r.fill_color = t.band;
      c.out->rects.insert(c.out->rects.begin(), r);
    } else {
      c.out->lines.push_back({left, bottom, right, bottom, t.accent, 2 * c.scale});
    }
  }
  return bottom + (band ? 16 : 12) * c.scale;
}

// Footer: sources with their links, then a credit line. Laid out from
// `top`; returns its height.
double Footer(const LayoutContext& c, const LayoutInput& in, double top) {
  const Template& t = c.tmpl;
  double left = t.margin_left, width = t.page_width - t.margin_left - t.margin_right;
  double size = c.small();
  double lh = c.LineHeight(size);
  double y = top;
  if (c.out) c.out->lines.push_back({left, y, left + width, y, t.rule, 0.6 * c.scale});
  y += lh * 0.4;
  double label_w = c.Label(left, y, width, "Sources", kBold, size, t.muted, "");
  double text_x = left + label_w + size;
  double text_w = left + width - text_x;
  for (size_t i = 0; i < in.brief.sources.size(); ++i) {
    const Source& s = in.brief.sources[i];
    std::string path = fmt::format("sources[{}]", i);
    std::string text = fmt::format("{}. {}", i + 1, Isolate(s.name));
    if (!s.note.empty()) text += " — " + Isolate(s.note);
    c.CheckGlyphs(s.name, kRegular, path + ".name");
    if (!s.note.empty()) c.CheckGlyphs(s.note, kRegular, path + ".note");
    double h = c.Paragraph(text_x, y, text_w, text, kRegular, size, t.text, LayoutContext::kComposed);
    if (!s.url.empty()) {
      // The URL on its own line(s), linked.
      double uh = c.LinkedParagraph(text_x + size, y + h, text_w - size, s.url, kRegular, size,
                                    t.accent, path + ".url", s.url, Align::kLeft);
      h += uh;
    }
    y += h + lh * 0.15;
  }
  y += lh * 0.2;
  // The as-of date is in the header; the credit says who made the page.
  std::string credit = in.brief.prepared_by.empty()
                           ? in.generator
                           : fmt::format("Prepared by {}  ·  {}", Isolate(in.brief.prepared_by), in.generator);
  if (!in.brief.prepared_by.empty()) c.CheckGlyphs(in.brief.prepared_by, kRegular, "prepared_by");
  c.Label(left, y, width, credit, kRegular, size, t.muted, "", Align::kRight);
  y += lh;
  return y - top;
}

}  // namespace

PageLayout LayoutAtScale(const LayoutInput& in, double scale) {
  PageLayout page;
  page.scale = scale;
  LayoutContext c{in.tmpl, in.shaper, scale, &page.items, &page.missing};
  const Template& t = in.tmpl;
  double content_top = Header(c, in);
  content_top += DrawHeadline(c, in.brief, t.margin_left, content_top,
                              t.page_width - t.margin_left - t.margin_right);
  // Measure the footer first (no output), then draw it at the bottom.
  LayoutContext measure{in.tmpl, in.shaper, scale, nullptr, nullptr};
  double footer_h = Footer(measure, in, 0);
  double footer_top = t.page_height - t.margin_bottom - footer_h;
  Footer(c, in, footer_top);
  double bottom = footer_top - c.SectionGap() * 0.8;
  page.bottom = bottom;

  double line = c.LineHeight(c.base());
  auto lines = [&](double points) { return static_cast<int>(std::ceil(points / line - 0.05)); };
  if (bottom < content_top + line * 3) {
    // Header and sources leave no room for the columns at all.
    double points = content_top + line * 3 - bottom;
    page.overflows.push_back({-1, "header and sources", points, lines(points), footer_h, {}});
  }
  // A column with nothing to show gives its width to the others, in
  // proportion to theirs: w_i = (content − gutters) · p_i / Σ_{shown} p_k.
  std::vector<bool> shown(t.columns.size(), false);
  double shown_percent = 0;
  size_t shown_count = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    for (Section s : t.columns[i].sections) shown[i] = shown[i] || !SectionIsEmpty(s, in.brief, t);
    if (shown[i]) {
      shown_percent += t.columns[i].width_percent;
      ++shown_count;
    }
  }
  double content_w = t.page_width - t.margin_left - t.margin_right;
  double gutters = t.gutter * static_cast<double>(std::max<size_t>(shown_count, 1) - 1);
  double x = t.margin_left;
  for (size_t column_index = 0; column_index < t.columns.size(); ++column_index) {
    if (!shown[column_index]) continue;
    const Column& column = t.columns[column_index];
    double w = (content_w - gutters) * column.width_percent / shown_percent;
    double y = content_top, end = content_top;
    Overflow overflow;
    for (Section s : column.sections) {
      double h = LayoutSection(c, s, in.brief, x, y, w);
      if (h <= 0) continue;
      const std::string& name = SectionNames()[static_cast<size_t>(s)];
      page.boxes.push_back({name, x, y, w, h});
      if (!overflow.section.empty()) {
        overflow.after.push_back(name);
      } else if (y + h > bottom + 0.01) {
        overflow.section = name;
        overflow.section_height = h;
      }
      end = y + h;
      y += h + c.SectionGap();
    }
    if (!overflow.section.empty()) {
      overflow.column = static_cast<int>(column_index);
      overflow.points = end - bottom;
      overflow.lines = lines(overflow.points);
      page.overflows.push_back(std::move(overflow));
    }
    x += w + t.gutter;
  }
  return page;
}

namespace {

// The room left under the fullest column (negative: how far the worst one
// overflows), in points.
double Slack(const LayoutInput& in, const PageLayout& page) {
  double slack = page.bottom;
  for (const Column& column : in.tmpl.columns) {
    double end = -1;
    for (const PageLayout::Box& box : page.boxes) {
      for (Section s : column.sections) {
        if (SectionNames()[static_cast<size_t>(s)] == box.section) end = std::max(end, box.top + box.height);
      }
    }
    if (end >= 0) slack = std::min(slack, page.bottom - end);
  }
  return slack;
}

// Short content: a scale in [1, maximum / base] that still fits, given that
// scale 1 fits, found in at most three more layouts (each is a full layout,
// and the batch rate counts them). The first guess scales by the tightest
// column's spare room,
//   g = min over columns of (bottom − top) / (end − top),
// since a column grows at least in proportion to its type. If g overflows,
// the slack (room under the fullest column) is taken as linear in the
// scale between the last scale that fits, lo, and the one that did not, hi:
//   next = lo + (hi − lo) · slack(lo) / (slack(lo) − slack(hi)),
// and a step short of it is tried (99 %), which wrapping rarely defeats:
// once (kGrowSteps), so growing costs at most two layouts. A second step
// gained Avtotor 1.4 % more type for a third layout; not worth its cost.
constexpr int kGrowSteps = 1;

PageLayout Grow(const LayoutInput& in, PageLayout fits) {
  double max = in.tmpl.size_maximum / in.tmpl.size_base;
  if (max <= 1.001) return fits;
  double room = max;
  for (const Column& column : in.tmpl.columns) {
    double top = -1, end = 0;
    for (const PageLayout::Box& box : fits.boxes) {
      for (Section s : column.sections) {
        if (SectionNames()[static_cast<size_t>(s)] != box.section) continue;
        if (top < 0) top = box.top;
        end = std::max(end, box.top + box.height);
      }
    }
    if (top >= 0 && end > top) room = std::min(room, (fits.bottom - top) / (end - top));
  }
  double lo = 1, hi = std::min(max, room);
  if (hi <= 1.005) return fits;
  PageLayout trial = LayoutAtScale(in, hi);
  if (trial.overflows.empty()) return trial;
  double slack_lo = Slack(in, fits), slack_hi = std::min(Slack(in, trial), -0.01);
  for (int step = 0; step < kGrowSteps; ++step) {
    double next = lo + (hi - lo) * slack_lo / (slack_lo - slack_hi) * 0.99;
    if (next - lo < 0.005) break;
    PageLayout candidate = LayoutAtScale(in, next);
    double slack = Slack(in, candidate);
    if (candidate.overflows.empty()) {
      fits = std::move(candidate);
      lo = next;
      slack_lo = slack;
      // Close enough: less than a line of body type is left.
      if (slack_lo < in.tmpl.size_base * next * in.tmpl.leading) break;
    } else {
      hi = next;
      slack_hi = std::min(slack, -0.01);
    }
  }
  return fits;
}

}  // namespace

PageLayout FitPage(const LayoutInput& in) {
  PageLayout full = LayoutAtScale(in, 1.0);
  if (full.overflows.empty()) return Grow(in, std::move(full));
  double lo = in.tmpl.size_minimum / in.tmpl.size_base;
  PageLayout smallest = LayoutAtScale(in, lo);
  if (!smallest.overflows.empty()) return smallest;
  // Invariant: lo fits, hi does not.
  double hi = 1.0;
  PageLayout best = std::move(smallest);
  while (hi - lo > 0.001) {
    double mid = (lo + hi) / 2;
    PageLayout trial = LayoutAtScale(in, mid);
    if (trial.overflows.empty()) {
      lo = mid;
      best = std::move(trial);
    } else {
      hi = mid;
    }
  }
  return best;
}

namespace {

// The items a section lists, for an overflow's advice: how many, and what
// they are called; 0 for sections that are not lists.
struct Items {
  size_t count = 0;
  const char* plural = "";
  const char* singular = "";
};
Items SectionItems(const std::string& section, const Brief& b) {
  if (section == "people") return {b.company.people.size(), "people", "person"};
  if (section == "history") return {b.history.size(), "history events", "history event"};
  if (section == "rankings") return {b.rankings.size(), "rankings", "ranking"};
  if (section == "revenue") return {b.revenue.size(), "revenue entries", "revenue entry"};
  if (section == "volumes") return {b.volumes.size(), "volumes", "volume"};
  if (section == "disruptions") return {b.disruptions.size(), "disruptions", "disruption"};
  if (section == "ev_roadmap") return {b.ev_roadmap.milestones.size(), "roadmap milestones", "roadmap milestone"};
  if (section == "partnerships") return {b.partnerships.size(), "partnerships", "partnership"};
  if (section == "header and sources") return {b.sources.size(), "sources", "source"};
  return {};
}

// The brief with a section's list cut to its first `keep` items.
Brief Trimmed(const Brief& b, const std::string& section, size_t keep) {
  Brief out = b;
  if (section == "people") out.company.people.resize(keep);
  if (section == "history") out.history.resize(keep);
  if (section == "rankings") out.rankings.resize(keep);
  if (section == "revenue") out.revenue.resize(keep);
  if (section == "volumes") out.volumes.resize(keep);
  if (section == "disruptions") out.disruptions.resize(keep);
  if (section == "ev_roadmap") out.ev_roadmap.milestones.resize(keep);
  if (section == "partnerships") out.partnerships.resize(keep);
  if (section == "header and sources") out.sources.resize(keep);
  return out;
}

// True when column `column` (-1: header and sources) fits at `scale`.
bool ColumnFits(const LayoutInput& in, const Brief& b, int column, double scale) {
  LayoutInput trial{b, in.tmpl, in.shaper, in.logo, in.generator};
  for (const Overflow& o : LayoutAtScale(trial, scale).overflows) {
    if (o.column == column) return false;
  }
  return true;
}

}  // namespace

std::string DescribeOverflow(const Overflow& o, const LayoutInput& in) {
  std::string out = fmt::format("about {} {} too many in its column", o.lines, o.lines == 1 ? "line" : "lines");
  double scale = in.tmpl.size_minimum / in.tmpl.size_base;
  std::vector<std::string> names;
  if (o.column < 0) {
    names.push_back(o.section);
  } else {
    for (Section s : in.tmpl.columns[static_cast<size_t>(o.column)].sections) {
      names.push_back(SectionNames()[static_cast<size_t>(s)]);
    }
  }
  std::vector<std::string> cuts;
  for (const std::string& name : names) {
    Items items = SectionItems(name, in.brief);
    size_t count = items.count;
    if (count > 0) {
      // Invariant: keeping `hi` items overflows; keeping `lo` fits.
      if (!ColumnFits(in, Trimmed(in.brief, name, 0), o.column, scale)) continue;
      size_t lo = 0, hi = count;
      while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        (ColumnFits(in, Trimmed(in.brief, name, mid), o.column, scale) ? lo : hi) = mid;
      }
      size_t cut = count - lo;
      cuts.push_back(cut < count     ? fmt::format("{} of the {} {}", cut, count, items.plural)
                     : count == 1    ? fmt::format("the one {}", items.singular)
                                     : fmt::format("all {} {}", count, items.plural));
    } else if (name == "summary" && name == o.section && o.section_height > 0 && o.lines > 0) {
      // Characters, not words: the same estimate for every script.
      size_t chars = CountCodePoints(in.brief.company.summary);
      double section_lines = o.section_height * static_cast<double>(o.lines) / o.points;
      size_t cut = static_cast<size_t>(std::ceil(static_cast<double>(o.lines) * static_cast<double>(chars) /
                                                 std::max(section_lines, 1.0)));
      if (cut < chars) cuts.push_back(fmt::format("about {} of the summary's {} characters", cut, chars));
    }
  }
  for (size_t i = 0; i < cuts.size() && i < 3; ++i) {
    out += (i == 0 ? ": cut " : i + 1 == std::min<size_t>(cuts.size(), 3) ? ", or " : ", ") + cuts[i];
  }
  return out;
}

}  // namespace brief
