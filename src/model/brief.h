// The typed brief: what validation produces and layout consumes.
//
// Plain value types. Every text field is trimmed and non-empty unless it is
// optional and absent (then empty). Lists are already in display order
// (date/year ascending, ties in file order).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace brief {

struct Person {
  std::string name;
  std::string role;
};

struct Company {
  std::string name;
  std::string native_name;   // Optional.
  std::string headquarters;
  int founded = 0;
  std::string industry;
  std::string ownership;     // Optional.
  int64_t employees = 0;     // Optional head count (0: not given).
  std::string website;       // Optional http(s) URL.
  std::string logo;          // Optional, as written (relative to the brief's folder).
  std::string logo_path;     // Resolved path of the logo file when given.
  int logo_width = 0, logo_height = 0;  // Its pixel size, found when it was checked.
  std::vector<Person> people;
  std::string summary;
};

struct HistoryEvent {
  Date date;
  std::string event;
};

struct Ranking {
  int year = 0;
  std::string list;
  int64_t rank = 0;
  std::optional<int64_t> of;
};

struct Revenue {
  int year = 0;
  double amount = 0;
  std::string currency;  // ISO 4217 code.
  bool approximate = false;
  std::string note;      // Optional.
};

// Units made and sold in one year; at least one of the two is given (0: not given).
struct Volume {
  int year = 0;
  int64_t produced = 0;
  int64_t delivered = 0;
  bool approximate = false;
  std::string note;      // Optional.
};

enum class DisruptionStatus { kNone, kOngoing, kPartial, kResolved };

struct Disruption {
  Date date;
  std::string title;
  std::string summary;
  DisruptionStatus status = DisruptionStatus::kNone;
};

enum class MilestoneStatus { kPlanned, kInProgress, kDone, kDelayed, kCancelled };

struct Milestone {
  Date date;
  std::string milestone;
  MilestoneStatus status = MilestoneStatus::kPlanned;
};

struct EvRoadmap {
  std::vector<Milestone> milestones;
  std::vector<std::string> pillars;
  bool empty() const { return milestones.empty() && pillars.empty(); }
};

enum class PartnershipKind {
  kContractAssembly, kLicensing, kJointVenture, kSupply, kTechnology, kDistribution, kShareholder,
  kInvestor, kOther
};
enum class PartnershipStatus { kNone, kActive, kEnded };

struct Partnership {
  std::string partner;
  PartnershipKind kind = PartnershipKind::kOther;
  std::string scope;             // Optional.
  std::optional<int> since;
  std::optional<int> until;
  PartnershipStatus status = PartnershipStatus::kNone;
};

struct Source {
  std::string name;
  std::string url;   // Optional.
  std::string note;  // Optional.
};

struct Brief {
  int version = 1;
  Date as_of;
  std::string prepared_by;    // Who prepared it: the PDF's Author ("" for none).
  std::string language = "en";  // BCP 47 tag of its text: the PDF's /Lang.
  Company company;
  std::vector<HistoryEvent> history;
  std::vector<Ranking> rankings;
  std::vector<Revenue> revenue;
  std::vector<Volume> volumes;
  std::vector<Disruption> disruptions;
  EvRoadmap ev_roadmap;
  std::vector<Partnership> partnerships;
  std::vector<Source> sources;
};

// The words used in the file for each enum value ("contract_assembly"), and
// their display forms ("Contract assembly").
const std::vector<std::string>& DisruptionStatusNames();   // ongoing, partial, resolved
const std::vector<std::string>& MilestoneStatusNames();    // planned, in_progress, ...
const std::vector<std::string>& PartnershipKindNames();
const std::vector<std::string>& PartnershipStatusNames();  // active, ended
std::string DisplayName(const std::string& file_word);     // "in_progress" → "In progress"

}  // namespace brief
