#include "template/template.h"

namespace brief {

const std::vector<std::string>& SectionNames() {
  static const std::vector<std::string> kNames = {"summary",  "facts",   "people",
                                                  "history",  "rankings", "revenue",
                                                  "disruptions", "ev_roadmap", "partnerships",
                                                  "volumes"};
  return kNames;
}

std::string SectionTitle(Section s) {
  switch (s) {
    case Section::kSummary: return "Summary";
    case Section::kFacts: return "Key facts";
    case Section::kPeople: return "Key people";
    case Section::kHistory: return "History";
    case Section::kRankings: return "Rankings";
    case Section::kRevenue: return "Revenue";
    case Section::kDisruptions: return "Disruptions";
    case Section::kEvRoadmap: return "EV roadmap";
    case Section::kPartnerships: return "Partnerships";
    case Section::kVolumes: return "Volumes";
  }
  return "";
}

}  // namespace brief
