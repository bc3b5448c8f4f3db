#include "model/brief.h"

namespace brief {

const std::vector<std::string>& DisruptionStatusNames() {
  static const std::vector<std::string> kNames = {"ongoing", "partial", "resolved"};
  return kNames;
}

const std::vector<std::string>& MilestoneStatusNames() {
  static const std::vector<std::string> kNames = {"planned", "in_progress", "done", "delayed",
                                                  "cancelled"};
  return kNames;
}

const std::vector<std::string>& PartnershipKindNames() {
  static const std::vector<std::string> kNames = {"contract_assembly", "licensing",
                                                  "joint_venture",     "supply",
                                                  "technology",        "distribution",
                                                  "shareholder",       "investor",
                                                  "other"};
  return kNames;
}

const std::vector<std::string>& PartnershipStatusNames() {
  static const std::vector<std::string> kNames = {"active", "ended"};
  return kNames;
}

std::string DisplayName(const std::string& file_word) {
  std::string out = file_word;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace brief
