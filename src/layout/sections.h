// One function per page section. Each draws into the context (when it has
// an output list) and returns the height it uses; 0 means "nothing to show".
#pragma once

#include "layout/layout_context.h"
#include "model/brief.h"
#include "template/template.h"

namespace brief {

// Dispatches to the section's layout function.
double LayoutSection(const LayoutContext& c, Section section, const Brief& b, double x, double top,
                     double width);

// True when the section has nothing to show for this brief (LayoutSection
// then returns 0), known from the data alone, without laying it out.
bool SectionIsEmpty(Section section, const Brief& b, const Template& t);

// Draws a roadmap status marker centred at (cx, cy), radius r, into c.out:
// each status a different shape, so they tell apart in greyscale and at
// print size: done a filled circle, in progress a half-filled one, planned
// an open circle, delayed an open diamond, cancelled a bold cross.
void StatusMarker(const LayoutContext& c, MilestoneStatus s, double cx, double cy, double r);

// The colour of a disruption's status word and edge: the template's
// ongoing, partial and resolved colours; muted for no status.
Color DisruptionColor(const Template& t, DisruptionStatus s);

// "140 of 1,000": a rank with the size of its list, digits grouped.
std::string RankOf(const Ranking& r);

// "▲31" when the rank improved by 31 places, "▼5" when it fell, "=" when
// unchanged, "—" for the first entry of a list.
std::string RankChange(const std::vector<Ranking>& rankings, size_t index);

// "1999–2022", "since 2021", "until 2020", or "—".
std::string Period(const Partnership& p);

}  // namespace brief
