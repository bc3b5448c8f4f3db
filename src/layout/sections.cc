#include "layout/sections.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "layout/headline.h"
#include "layout/table.h"
#include "layout/timeline.h"
#include "model/currency.h"
#include "text/unicode.h"

namespace brief {

namespace {

std::string Path(const char* list, size_t i, const char* field) {
  return fmt::format("{}[{}].{}", list, i, field);
}

double Summary(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  double size = c.base() * 1.1;
  double y = top;
  for (const std::string& p : Paragraphs(b.company.summary)) {
    if (y > top) y += c.LineHeight(size) * 0.4;
    y += c.Paragraph(x, y, width, p, kRegular, size, c.tmpl.text, "company.summary");
  }
  return y - top;
}

struct FactRow {
  std::string label, value, path, link;
};

// Only what the header and the headline strip do not already say: the
// industry and headquarters are the header's sub-title, the figures the
// strip's (all of them when the template has no strip).
std::vector<FactRow> FactRows(const Brief& b, const Template& t) {
  const Company& co = b.company;
  using Row = FactRow;
  std::vector<Row> rows;
  bool strip = t.headline;
  if (!strip) {
    rows.push_back({"Founded", std::to_string(co.founded), "company.founded", ""});
    if (co.employees > 0) rows.push_back({"Employees", FormatCount(co.employees), "", ""});
  }
  if (!co.ownership.empty() && !(strip && HeadlineShows(b, "ownership"))) {
    rows.push_back({"Ownership", co.ownership, "company.ownership", ""});
  }
  if (!co.website.empty()) {
    std::string shown = co.website.substr(co.website.find("://") + 3);
    if (!shown.empty() && shown.back() == '/') shown.pop_back();
    rows.push_back({"Website", shown, "company.website", co.website});
  }
  return rows;
}

// A shaded box of label/value rows.
double Facts(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  using Row = FactRow;
  std::vector<Row> rows = FactRows(b, c.tmpl);
  if (rows.empty()) return 0;
  bool strip = c.tmpl.headline;

  double pad = c.Pad() * 1.3;
  double size = c.base();
  double label_width = 0;
  for (const Row& r : rows) label_width = std::max(label_width, c.shaper.Width(r.label, kRegular, c.small()));
  double value_x = x + pad + label_width + size * 0.8;
  double value_width = x + width - pad - value_x;
  double y = top + pad;
  size_t rect_index = c.out ? c.out->rects.size() : 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    // Labels are smaller; align their baseline with the value's first line.
    double shift = c.Baseline(y, kRegular, size) - c.Baseline(y, kRegular, c.small());
    c.Label(x + pad, y + shift, label_width, r.label, kRegular, c.small(), c.tmpl.muted, "");
    double h = c.LinkedParagraph(value_x, y, value_width, r.value, i == 0 && !strip ? kBold : kRegular,
                                 size, r.link.empty() ? c.tmpl.text : c.tmpl.accent, r.path, r.link);
    y += h + size * 0.25;
  }
  y += pad - size * 0.25;
  if (c.out) {
    RectItem box;
    box.x = x;
    box.y = top;
    box.w = width;
    box.h = y - top;
    box.fill_color = c.tmpl.shade;
    c.out->rects.insert(c.out->rects.begin() + static_cast<long>(rect_index), box);
  }
  return y - top;
}

double People(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.company.people.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Key people");
  for (size_t i = 0; i < b.company.people.size(); ++i) {
    const Person& p = b.company.people[i];
    std::string base = fmt::format("company.people[{}]", i);
    y += c.Paragraph(x, y, width, p.name, kBold, c.base(), c.tmpl.text, base + ".name");
    y += c.Paragraph(x, y, width, p.role, kRegular, c.small(), c.tmpl.muted, base + ".role");
    y += c.base() * 0.3;
  }
  return y - top;
}

double History(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  double y = top + c.Heading(x, top, width, "History");
  y += DrawTimeline(c, x, y, width, b.history);
  return y - top;
}

double Rankings(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.rankings.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Rankings");
  std::vector<TableColumn> columns = {{"Year", Align::kStart, false},
                                      {"List", Align::kStart, true},
                                      {"Rank", Align::kRight, false},
                                      {"Change", Align::kRight, false}};
  std::vector<std::vector<TableCell>> rows;
  for (size_t i = 0; i < b.rankings.size(); ++i) {
    const Ranking& r = b.rankings[i];
    std::string rank = r.of ? RankOf(r) : GroupThousands(r.rank);
    std::string change = RankChange(b.rankings, i);
    rows.push_back({{std::to_string(r.year), kRegular, true, Path("rankings", i, "year"), ""},
                    {r.list, kRegular, false, Path("rankings", i, "list"), ""},
                    {rank, kBold, false, Path("rankings", i, "rank"), ""},
                    {change, kRegular, change == "—", "", ""}});
  }
  y += DrawTable(c, x, y, width, columns, rows);
  return y - top;
}

// What the table cannot show at a glance: the trend. One group per currency
// with at least two years (a lone figure has no trend and gets no bar);
// bars share a zero baseline within their currency, scaled to its largest
// amount,
//   w = bar_max · amount / max,
// the latest year drawn in the accent, earlier years lighter, and each exact
// year after the first labelled with its change from the last exact one
// before it (see HeadlineCells).
double RevenueChart(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  std::vector<std::string> currencies;
  std::map<std::string, int> count;
  for (const Revenue& r : b.revenue) {
    if (++count[r.currency] == 2) currencies.push_back(r.currency);
  }
  if (currencies.empty()) return 0;
  double size = c.small();
  double lh = c.LineHeight(size);
  double bar_h = lh * 0.8;
  double year_w = c.shaper.Width("0000", kRegular, size) + size * 0.6;
  double amount_w = 0, change_w = 0;
  for (const Revenue& r : b.revenue) {
    if (count[r.currency] < 2) continue;
    amount_w = std::max(amount_w, c.shaper.Width((r.approximate ? "≈" : "") +
                                                     FormatMoney(r.amount, r.currency), kBold, size));
  }
  // Each year's change from the last exact earlier year in its currency,
  // naming that year when it is not the one before ("▲ 400% vs 2010").
  std::vector<std::string> changes(b.revenue.size());
  std::vector<int> trends(b.revenue.size(), 0);
  std::map<std::string, size_t> last_exact;
  for (size_t i = 0; i < b.revenue.size(); ++i) {
    const Revenue& r = b.revenue[i];
    auto previous = last_exact.find(r.currency);
    if (!r.approximate && previous != last_exact.end()) {
      const Revenue& p = b.revenue[previous->second];
      changes[i] = PercentChange(p.amount, r.amount, &trends[i]);
      if (p.year != r.year - 1) changes[i] += fmt::format(" vs {}", p.year);
      change_w = std::max(change_w, c.shaper.Width(changes[i], kBold, size) + size * 0.6);
    }
    if (!r.approximate) last_exact[r.currency] = i;
  }
  double bar_x = x + year_w;
  double bar_max = std::max(width - year_w - amount_w - change_w - size * 0.8, width * 0.2);
  double y = top + c.Pad() * 0.5;
  for (const std::string& code : currencies) {
    double max = 0;
    size_t last = 0;
    for (size_t i = 0; i < b.revenue.size(); ++i) {
      if (b.revenue[i].currency != code) continue;
      max = std::max(max, b.revenue[i].amount);
      last = i;
    }
    if (currencies.size() > 1 || count.size() > 1) {
      c.Label(x, y, width, code, kBold, size, c.tmpl.muted, "");
      y += lh;
    }
    double group_top = y;
    for (size_t i = 0; i < b.revenue.size(); ++i) {
      const Revenue& r = b.revenue[i];
      if (r.currency != code) continue;
      double w = std::max(bar_max * (r.amount / max), 1.0);  // amount <= max: never overflows.
      bool latest = i == last;
      c.Label(x, y, year_w, std::to_string(r.year), latest ? kBold : kRegular, size,
              latest ? c.tmpl.text : c.tmpl.muted, "");
      if (c.out) {
        RectItem bar;
        bar.x = bar_x;
        bar.y = y + (lh - bar_h) / 2;
        bar.w = w;
        bar.h = bar_h;
        bar.fill_color = latest ? c.tmpl.accent : Mix(c.tmpl.accent, Color{1, 1, 1}, 0.55);
        c.out->rects.push_back(bar);
      }
      std::string label = (r.approximate ? "≈" : "") + FormatMoney(r.amount, r.currency);
      double label_w = c.Label(bar_x + w + size * 0.4, y, amount_w, label, kBold, size,
                               latest ? c.tmpl.text : c.tmpl.muted, Path("revenue", i, "amount"));
      if (!changes[i].empty()) {
        Color color = trends[i] > 0 ? c.tmpl.resolved : trends[i] < 0 ? c.tmpl.ongoing : c.tmpl.muted;
        c.Label(bar_x + w + size * 0.9 + label_w, y, change_w, changes[i], kBold, size, color, "");
      }
      y += lh * 1.15;
    }
    if (c.out) {
      // The shared zero baseline.
      c.out->lines.push_back({bar_x, group_top, bar_x, y - lh * 0.15, c.tmpl.muted, 0.6 * c.scale});
    }
    y += lh * 0.3;
  }
  return y - top;
}

double RevenueSection(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.revenue.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Revenue");
  // The note column only when some year has a note.
  bool any_note = false;
  for (const Revenue& r : b.revenue) any_note |= !r.note.empty();
  std::vector<TableColumn> columns = {{"Year", Align::kStart, false}, {"Amount", Align::kRight, false}};
  if (any_note) columns.push_back({"Note", Align::kStart, true});
  std::vector<std::vector<TableCell>> rows;
  for (size_t i = 0; i < b.revenue.size(); ++i) {
    const Revenue& r = b.revenue[i];
    std::string amount = (r.approximate ? "≈" : "") + FormatMoney(r.amount, r.currency);
    std::vector<TableCell> row = {{std::to_string(r.year), kRegular, true, "", ""},
                                  {amount, kBold, false, Path("revenue", i, "amount"), ""}};
    if (any_note) {
      row.push_back({r.note.empty() ? "—" : r.note, kRegular, r.note.empty(), Path("revenue", i, "note"), ""});
    }
    rows.push_back(std::move(row));
  }
  y += DrawTable(c, x, y, width, columns, rows);
  y += RevenueChart(c, b, x, y, width);
  return y - top;
}

// Units produced and delivered per year; a column only when some year has it.
double VolumesSection(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.volumes.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Volumes");
  bool any_produced = false, any_delivered = false, any_note = false;
  for (const Volume& v : b.volumes) {
    any_produced |= v.produced > 0;
    any_delivered |= v.delivered > 0;
    any_note |= !v.note.empty();
  }
  std::vector<TableColumn> columns = {{"Year", Align::kStart, false}};
  if (any_produced) columns.push_back({"Produced", Align::kRight, false});
  if (any_delivered) columns.push_back({"Delivered", Align::kRight, false});
  if (any_note) columns.push_back({"Note", Align::kStart, true});
  std::vector<std::vector<TableCell>> rows;
  auto count = [](const Volume& v, long long n) -> TableCell {
    if (n <= 0) return {"—", kRegular, true, "", ""};
    return {(v.approximate ? "≈" : "") + GroupThousands(n), kBold, false, "", ""};
  };
  for (size_t i = 0; i < b.volumes.size(); ++i) {
    const Volume& v = b.volumes[i];
    std::vector<TableCell> row = {{std::to_string(v.year), kRegular, true, "", ""}};
    if (any_produced) row.push_back(count(v, v.produced));
    if (any_delivered) row.push_back(count(v, v.delivered));
    if (any_note) {
      row.push_back({v.note.empty() ? "—" : v.note, kRegular, v.note.empty(), Path("volumes", i, "note"), ""});
    }
    rows.push_back(std::move(row));
  }
  y += DrawTable(c, x, y, width, columns, rows);
  return y - top;
}

const char* DisruptionStatusWord(DisruptionStatus s) {
  switch (s) {
    case DisruptionStatus::kOngoing: return "ONGOING";
    case DisruptionStatus::kPartial: return "PARTIALLY RESOLVED";
    case DisruptionStatus::kResolved: return "RESOLVED";
    case DisruptionStatus::kNone: return "";
  }
  return "";
}

// A tinted callout; each disruption has a strong left edge and status word
// in its status's colour.
double Disruptions(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.disruptions.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Disruptions");
  double box_top = y;
  double edge = 2.5 * c.scale;
  double pad = c.Pad() * 1.3;
  double inner_x = x + edge + pad, inner_w = width - edge - 2 * pad;
  y += pad;
  size_t rect_index = c.out ? c.out->rects.size() : 0;
  std::vector<double> edges = {box_top};  // Where each disruption's edge segment starts.
  for (size_t i = 0; i < b.disruptions.size(); ++i) {
    const Disruption& d = b.disruptions[i];
    if (i) {
      edges.push_back(y + c.base() * 0.3);
      y += c.base() * 0.6;
    }
    std::string status = DisruptionStatusWord(d.status);
    double status_w = status.empty() ? 0 : c.shaper.Width(status, kBold, c.small()) + c.base();
    std::string head = ShortDate(d.date) + " · " + Isolate(d.title);
    c.CheckGlyphs(d.title, kBold, Path("disruptions", i, "title"));
    double head_h = c.Paragraph(inner_x, y, inner_w - status_w, head, kBold, c.base(),
                                c.tmpl.text, LayoutContext::kComposed);
    if (!status.empty()) {
      double shift = c.Baseline(y, kBold, c.base()) - c.Baseline(y, kBold, c.small());
      c.Label(inner_x, y + shift, inner_w, status, kBold, c.small(), DisruptionColor(c.tmpl, d.status), "",
              Align::kRight);
    }
    y += head_h;
    y += c.Paragraph(inner_x, y, inner_w, NormalizeSpaces(d.summary), kRegular, c.base(),
                     c.tmpl.text, Path("disruptions", i, "summary"));
  }
  y += pad;
  if (c.out) {
    RectItem box;
    box.x = x;
    box.y = box_top;
    box.w = width;
    box.h = y - box_top;
    box.fill_color = c.tmpl.callout;
    std::vector<RectItem> rects = {box};
    edges.push_back(y);
    for (size_t i = 0; i < b.disruptions.size(); ++i) {
      RectItem bar = box;
      bar.y = edges[i];
      bar.h = edges[i + 1] - edges[i];
      bar.w = edge;
      bar.fill_color = DisruptionColor(c.tmpl, b.disruptions[i].status);
      rects.push_back(bar);
    }
    c.out->rects.insert(c.out->rects.begin() + static_cast<long>(rect_index), rects.begin(), rects.end());
  }
  return y - top;
}

}  // namespace

void StatusMarker(const LayoutContext& c, MilestoneStatus s, double cx, double cy, double r) {
  if (!c.out) return;
  Color ink = c.tmpl.accent;
  ShapeItem shape;
  shape.cx = cx;
  shape.cy = cy;
  shape.r = r;
  shape.stroke = true;
  shape.stroke_color = ink;
  shape.line_width = 0.8 * c.scale;
  shape.fill_color = Color{1, 1, 1};
  switch (s) {
    case MilestoneStatus::kDone:
      shape.fill_color = ink;
      c.out->shapes.push_back(shape);
      break;
    case MilestoneStatus::kInProgress: {
      c.out->shapes.push_back(shape);
      ShapeItem half;
      half.kind = ShapeItem::Kind::kPolygon;
      // Left half-disc as a polygon of 9 points on the arc.
      for (int k = 0; k <= 8; ++k) {
        double a = 3.14159265358979 / 2 + k * 3.14159265358979 / 8;
        half.points.push_back(cx + r * std::cos(a));
        half.points.push_back(cy - r * std::sin(a));
      }
      half.fill_color = ink;
      c.out->shapes.push_back(half);
      break;
    }
    case MilestoneStatus::kPlanned:
      c.out->shapes.push_back(shape);
      break;
    case MilestoneStatus::kDelayed:
      shape.kind = ShapeItem::Kind::kPolygon;
      shape.points = {cx, cy - r * 1.15, cx + r * 1.15, cy, cx, cy + r * 1.15, cx - r * 1.15, cy};
      c.out->shapes.push_back(shape);
      break;
    case MilestoneStatus::kCancelled: {
      // A bold ✕ and no circle: a thin cross inside a circle read as the
      // open circle of "planned" at print size.
      double d = r * 0.95, w = 1.5 * c.scale;
      c.out->lines.push_back({cx - d, cy - d, cx + d, cy + d, ink, w});
      c.out->lines.push_back({cx - d, cy + d, cx + d, cy - d, ink, w});
      break;
    }
  }
}

namespace {

double Roadmap(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  const EvRoadmap& ev = b.ev_roadmap;
  if (ev.empty()) return 0;
  double y = top + c.Heading(x, top, width, "EV roadmap");
  double size = c.base();
  double lh = c.LineHeight(size);
  double r = 2.6 * c.scale;
  double date_x = x + 2 * r + size * 0.6;
  double date_w = 0, status_w = 0;
  for (const Milestone& m : ev.milestones) {
    date_w = std::max(date_w, c.shaper.Width(ShortDate(m.date), kBold, size));
    status_w = std::max(status_w, c.shaper.Width(
        DisplayName(MilestoneStatusNames()[static_cast<size_t>(m.status)]), kRegular, c.small()));
  }
  double text_x = date_x + date_w + size * 0.6;
  double text_w = x + width - text_x - status_w - size * 0.6;
  for (size_t i = 0; i < ev.milestones.size(); ++i) {
    const Milestone& m = ev.milestones[i];
    StatusMarker(c, m.status, x + r + 0.5, y + lh / 2, r);
    c.Label(date_x, y, date_w, ShortDate(m.date), kBold, size, c.tmpl.text,
            Path("ev_roadmap.milestones", i, "date"));
    std::string status = DisplayName(MilestoneStatusNames()[static_cast<size_t>(m.status)]);
    double shift = c.Baseline(y, kRegular, size) - c.Baseline(y, kRegular, c.small());
    c.Label(x, y + shift, width, status, kRegular, c.small(), c.tmpl.muted, "", Align::kRight);
    y += std::max(lh, c.Paragraph(text_x, y, text_w, m.milestone, kRegular, size, c.tmpl.text,
                                  Path("ev_roadmap.milestones", i, "milestone")));
    y += size * 0.3;
  }
  if (!ev.pillars.empty()) {
    if (!ev.milestones.empty()) y += size * 0.4;
    c.Label(x, y, width, "Pillars", kBold, c.small(), c.tmpl.muted, "");
    y += c.LineHeight(c.small());
    for (size_t i = 0; i < ev.pillars.size(); ++i) {
      double sq = size * 0.32;
      if (c.out) {
        RectItem bullet;
        bullet.x = x + r + 0.5 - sq / 2;
        bullet.y = y + lh / 2 - sq / 2;
        bullet.w = bullet.h = sq;
        bullet.fill_color = c.tmpl.accent;
        c.out->rects.push_back(bullet);
      }
      y += c.Paragraph(date_x, y, x + width - date_x, ev.pillars[i], kRegular, size, c.tmpl.text,
                       fmt::format("ev_roadmap.pillars[{}]", i));
      y += size * 0.15;
    }
  }
  return y - top;
}

double Partnerships(const LayoutContext& c, const Brief& b, double x, double top, double width) {
  if (b.partnerships.empty()) return 0;
  double y = top + c.Heading(x, top, width, "Partnerships");
  // Period and status columns appear only when some partnership has them.
  bool any_period = false, any_status = false;
  for (const Partnership& p : b.partnerships) {
    any_period |= p.since || p.until;
    any_status |= p.status != PartnershipStatus::kNone;
  }
  std::vector<TableColumn> columns = {{"Partner", Align::kStart, true},
                                      {"Kind", Align::kStart, false},
                                      {"Scope", Align::kStart, true}};
  if (any_period) columns.push_back({"Period", Align::kStart, false});
  if (any_status) columns.push_back({"Status", Align::kStart, false});
  std::vector<std::vector<TableCell>> rows;
  for (size_t i = 0; i < b.partnerships.size(); ++i) {
    const Partnership& p = b.partnerships[i];
    std::vector<TableCell> row = {
        {p.partner, kBold, false, Path("partnerships", i, "partner"), ""},
        {DisplayName(PartnershipKindNames()[static_cast<size_t>(p.kind)]), kRegular, false, "", ""},
        {p.scope.empty() ? "—" : p.scope, kRegular, p.scope.empty(), Path("partnerships", i, "scope"), ""}};
    if (any_period) row.push_back({Period(p), kRegular, Period(p) == "—", "", ""});
    if (any_status) {
      std::string status =
          p.status == PartnershipStatus::kNone
              ? "—"
              : DisplayName(PartnershipStatusNames()[static_cast<size_t>(p.status) - 1]);
      row.push_back({status, kRegular, p.status != PartnershipStatus::kActive, "", ""});
    }
    rows.push_back(std::move(row));
  }
  y += DrawTable(c, x, y, width, columns, rows);
  return y - top;
}

}  // namespace

// The colour of a disruption's status: distinct hues that also differ in
// lightness, so they stay apart in greyscale; a disruption without a status
// takes the neutral muted grey, so it cannot be read as any of them.
Color DisruptionColor(const Template& t, DisruptionStatus s) {
  switch (s) {
    case DisruptionStatus::kOngoing: return t.ongoing;
    case DisruptionStatus::kPartial: return t.partial;
    case DisruptionStatus::kResolved: return t.resolved;
    case DisruptionStatus::kNone: break;
  }
  return t.muted;
}

std::string RankOf(const Ranking& r) {
  return r.of ? fmt::format("{} of {}", GroupThousands(r.rank), GroupThousands(*r.of)) : GroupThousands(r.rank);
}

std::string RankChange(const std::vector<Ranking>& rankings, size_t index) {
  const Ranking& r = rankings[index];
  for (size_t k = index; k-- > 0;) {
    if (rankings[k].list != r.list) continue;
    long long delta = rankings[k].rank - r.rank;
    if (delta > 0) return fmt::format("▲{}", delta);
    if (delta < 0) return fmt::format("▼{}", -delta);
    return "=";
  }
  return "—";
}

std::string Period(const Partnership& p) {
  if (p.since && p.until) return *p.since == *p.until ? std::to_string(*p.since) : fmt::format("{}–{}", *p.since, *p.until);
  if (p.since) return fmt::format("since {}", *p.since);
  if (p.until) return fmt::format("until {}", *p.until);
  return "—";
}

bool SectionIsEmpty(Section section, const Brief& b, const Template& t) {
  switch (section) {
    case Section::kSummary: return b.company.summary.empty();
    case Section::kFacts: return FactRows(b, t).empty();
    case Section::kPeople: return b.company.people.empty();
    case Section::kHistory: return b.history.empty();
    case Section::kRankings: return b.rankings.empty();
    case Section::kRevenue: return b.revenue.empty();
    case Section::kDisruptions: return b.disruptions.empty();
    case Section::kEvRoadmap: return b.ev_roadmap.empty();
    case Section::kPartnerships: return b.partnerships.empty();
    case Section::kVolumes: return b.volumes.empty();
  }
  return true;
}

double LayoutSection(const LayoutContext& c, Section section, const Brief& b, double x, double top,
                     double width) {
  switch (section) {
    case Section::kSummary: return Summary(c, b, x, top, width);
    case Section::kFacts: return Facts(c, b, x, top, width);
    case Section::kPeople: return People(c, b, x, top, width);
    case Section::kHistory: return History(c, b, x, top, width);
    case Section::kRankings: return Rankings(c, b, x, top, width);
    case Section::kRevenue: return RevenueSection(c, b, x, top, width);
    case Section::kDisruptions: return Disruptions(c, b, x, top, width);
    case Section::kEvRoadmap: return Roadmap(c, b, x, top, width);
    case Section::kPartnerships: return Partnerships(c, b, x, top, width);
    case Section::kVolumes: return VolumesSection(c, b, x, top, width);
  }
  return 0;
}

}  // namespace brief
