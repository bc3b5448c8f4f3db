#include "validate/validate_brief.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/edit_distance.h"
#include "model/currency.h"
#include "validate/suggest.h"
#include "validate/logo_check.h"
#include "validate/node_reader.h"

namespace brief {

// The largest head count or unit volume: ten billion.
constexpr int64_t kMaxCount = 10'000'000'000;

// The largest revenue amount: "1000.0 tn" on the page.
constexpr double kMaxAmount = 1e15;

namespace {

using L = BriefLimits;

// Index of `word` in `names` (names are the file words of an enum).
template <typename Enum>
Enum EnumAt(const std::vector<std::string>& names, const std::string& word) {
  return static_cast<Enum>(std::find(names.begin(), names.end(), word) - names.begin());
}

// Validates one brief; members hold what every section needs.
class BriefValidator {
 public:
  BriefValidator(const std::string& file, const SyntaxTree& tree, const FileSystem& fs,
                 std::vector<Diagnostic>* diagnostics)
      : file_(file), fs_(fs), r_(file, tree, diagnostics), diagnostics_(diagnostics) {}

  std::optional<Brief> Run();

 private:
  // Reads optional text into *out when the key is present.
  void OptionalText(const MapFields& f, const std::string& key, size_t max, std::string* out) {
    if (int id = f.Get(key); id >= 0) {
      if (auto v = r_.ReadText(id, KeyPath(f.path, key), max)) *out = *v;
    }
  }
  void RequiredText(const MapFields& f, const std::string& key, size_t max, std::string* out) {
    if (int id = r_.Require(f, key); id >= 0) {
      if (auto v = r_.ReadText(id, KeyPath(f.path, key), max)) *out = *v;
    }
  }
  // Reports a date or year after as_of. `what` names the value for the message.
  // False after reporting a date after as_of.
  bool CheckNotAfterAsOf(int id, const std::string& path, const Date& d) {
    if (as_of_ && IsAfter(d, *as_of_)) {
      r_.Error(id, path, fmt::format("{} is after as_of ({}); facts must be current as of that date",
                                     FormatIso(d), FormatIso(*as_of_)));
      return false;
    }
    return true;
  }
  // Items of an optional or required list under `key`.
  std::vector<int> Items(const MapFields& f, const std::string& key, bool required, size_t max) {
    int id = required ? r_.Require(f, key) : f.Get(key);
    if (id < 0) return {};
    return r_.ReadList(id, KeyPath(f.path, key), required, max).value_or(std::vector<int>{});
  }

  void ReadCompany(int id, Company* c);
  void ReadHistory(const MapFields& root, std::vector<HistoryEvent>* out);
  void ReadRankings(const MapFields& root, std::vector<Ranking>* out);
  void ReadRevenue(const MapFields& root, std::vector<Revenue>* out);
  void ReadVolumes(const MapFields& root, std::vector<Volume>* out);
  std::optional<int64_t> ReadCount(int id, const std::string& path, int64_t max);
  void ReadDisruptions(const MapFields& root, std::vector<Disruption>* out);
  void ReadRoadmap(const MapFields& root, EvRoadmap* out);
  void ReadPartnerships(const MapFields& root, std::vector<Partnership>* out);
  void ReadSources(const MapFields& root, std::vector<Source>* out);
  std::optional<std::string> ReadCurrency(int id, const std::string& path);

  const std::string& file_;
  const FileSystem& fs_;
  NodeReader r_;
  std::vector<Diagnostic>* diagnostics_;
  std::optional<Date> as_of_;
};

// Stable sort by a key; the format renders every list in date/year order.
template <typename T, typename Key>
void SortBy(std::vector<T>* items, Key key) {
  std::stable_sort(items->begin(), items->end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

std::optional<Brief> BriefValidator::Run() {
  size_t errors_before = static_cast<size_t>(CountSeverity(*diagnostics_, Severity::kError));
  const SyntaxTree& tree = r_.tree();
  static const std::vector<std::string> kKeys = {
      "brief",   "as_of",       "company",    "history",      "rankings",
      "revenue", "disruptions", "ev_roadmap", "partnerships", "sources",
      "prepared_by", "language", "volumes"};
  if (tree.at(tree.root).kind != NodeKind::kMap) {
    r_.Error(tree.root, "",
             fmt::format("a brief must be a YAML mapping (brief: 1, as_of: ..., company: ...), "
                         "but this file holds {}",
                         tree.at(tree.root).kind == NodeKind::kScalar
                             ? "the text '" + tree.at(tree.root).text + "'"
                             : KindName(tree.at(tree.root).kind)));
    return std::nullopt;
  }
  auto root = r_.ReadMap(tree.root, "", kKeys);
  Brief b;
  if (int id = r_.Require(*root, "brief", "the format version: write 'brief: 1'"); id >= 0) {
    if (auto v = r_.ReadInteger(id, "brief"); v && *v != 1) {
      r_.Error(id, "brief", fmt::format("format version {} is not supported; only 1 exists", *v));
    }
  }
  if (int id = r_.Require(*root, "as_of"); id >= 0) {
    as_of_ = r_.ReadDate(id, "as_of");
    if (as_of_) b.as_of = *as_of_;
  }
  OptionalText(*root, "prepared_by", L::kName, &b.prepared_by);
  if (int id = root->Get("language"); id >= 0) {
    // A BCP 47 tag as PDF readers and screen readers take it: a 2-3 letter
    // language, then subtags of 2-8 letters or digits ("en", "ru", "zh-Hans", "pt-BR").
    if (auto tag = r_.ReadText(id, "language", 35)) {
      bool ok = true;
      size_t start = 0;
      for (size_t part = 0; start <= tag->size() && ok; ++part) {
        size_t end = tag->find('-', start);
        if (end == std::string::npos) end = tag->size();
        std::string sub = tag->substr(start, end - start);
        bool alnum = !sub.empty() && std::all_of(sub.begin(), sub.end(), [&](char ch) {
          return std::isalpha(static_cast<unsigned char>(ch)) || (part > 0 && std::isdigit(static_cast<unsigned char>(ch)));
        });
        ok = alnum && (part == 0 ? sub.size() >= 2 && sub.size() <= 3 : sub.size() >= 2 && sub.size() <= 8);
        start = end + 1;
        if (end == tag->size()) break;
      }
      if (ok) {
        b.language = *tag;
      } else {
        r_.Error(id, "language", fmt::format("'{}' is not a BCP 47 language tag", *tag),
                 "write the language's two-letter code, as in 'language: en', 'language: ru' or 'language: zh-Hans'");
      }
    }
  }
  if (int id = r_.Require(*root, "company"); id >= 0) ReadCompany(id, &b.company);
  ReadHistory(*root, &b.history);
  ReadRankings(*root, &b.rankings);
  ReadRevenue(*root, &b.revenue);
  ReadVolumes(*root, &b.volumes);
  ReadDisruptions(*root, &b.disruptions);
  ReadRoadmap(*root, &b.ev_roadmap);
  ReadPartnerships(*root, &b.partnerships);
  ReadSources(*root, &b.sources);
  if (static_cast<size_t>(CountSeverity(*diagnostics_, Severity::kError)) != errors_before) {
    return std::nullopt;
  }
  return b;
}

void BriefValidator::ReadCompany(int id, Company* c) {
  static const std::vector<std::string> kKeys = {"name",     "native_name", "headquarters",
                                                 "founded",  "industry",    "ownership",
                                                 "website",  "logo",        "people",
                                                 "summary",  "employees"};
  auto f = r_.ReadMap(id, "company", kKeys);
  if (!f) return;
  RequiredText(*f, "name", L::kName, &c->name);
  OptionalText(*f, "native_name", L::kName, &c->native_name);
  RequiredText(*f, "headquarters", L::kShortText, &c->headquarters);
  if (int v = r_.Require(*f, "founded"); v >= 0) {
    if (auto year = r_.ReadYear(v, "company.founded")) {
      c->founded = *year;
      CheckNotAfterAsOf(v, "company.founded", Date{*year, 0, 0});
    }
  }
  RequiredText(*f, "industry", L::kShortText, &c->industry);
  OptionalText(*f, "ownership", L::kShortText, &c->ownership);
  if (int v = f->Get("employees"); v >= 0) {
    c->employees = ReadCount(v, "company.employees", kMaxCount).value_or(0);
  }
  if (int v = f->Get("website"); v >= 0) {
    if (auto url = r_.ReadUrl(v, "company.website")) c->website = *url;
  }
  if (int v = f->Get("logo"); v >= 0) {
    if (auto logo = r_.ReadText(v, "company.logo", 1000)) {
      std::string problem, hint;
      int width = 0, height = 0;
      std::string resolved = ResolveLogo(fs_, file_, *logo, &problem, &hint, &width, &height);
      if (resolved.empty()) {
        r_.Error(v, "company.logo", problem, hint);
      } else {
        c->logo = *logo;
        c->logo_path = resolved;
        c->logo_width = width;
        c->logo_height = height;
      }
    }
  }
  std::vector<int> people = Items(*f, "people", false, L::kShortList);
  for (size_t i = 0; i < people.size(); ++i) {
    std::string path = IndexPath("company.people", i);
    auto p = r_.ReadMap(people[i], path, {"name", "role"});
    if (!p) continue;
    Person person;
    RequiredText(*p, "name", L::kName, &person.name);
    RequiredText(*p, "role", L::kShortText, &person.role);
    c->people.push_back(person);
  }
  RequiredText(*f, "summary", L::kSummary, &c->summary);
}

void BriefValidator::ReadHistory(const MapFields& root, std::vector<HistoryEvent>* out) {
  std::vector<int> items = Items(root, "history", true, L::kListItems);
  bool warned = false;
  std::optional<Date> previous;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("history", i);
    auto f = r_.ReadMap(items[i], path, {"date", "event"});
    if (!f) continue;
    HistoryEvent e;
    bool ok = true;
    if (int v = r_.Require(*f, "date"); v >= 0) {
      auto d = r_.ReadDate(v, path + ".date");
      if (d) {
        e.date = *d;
        // A date after as_of is one mistake: it does not also put the
        // events after it out of order.
        bool current = CheckNotAfterAsOf(v, path + ".date", *d);
        if (current && previous && *d < *previous && !warned) {
          r_.Warning(v, path + ".date",
                     fmt::format("history is out of order: {} comes after {}", FormatIso(*d),
                                 FormatIso(*previous)),
                     "the timeline is drawn in date order; list events oldest first");
          warned = true;
        }
        if (current) previous = *d;
      } else {
        ok = false;
      }
    }
    RequiredText(*f, "event", L::kEvent, &e.event);
    if (ok) out->push_back(e);
  }
  SortBy(out, [](const HistoryEvent& e) { return e.date; });
}

void BriefValidator::ReadRankings(const MapFields& root, std::vector<Ranking>* out) {
  std::vector<int> items = Items(root, "rankings", false, L::kListItems);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("rankings", i);
    auto f = r_.ReadMap(items[i], path, {"year", "list", "rank", "of"});
    if (!f) continue;
    Ranking rk;
    if (int v = r_.Require(*f, "year"); v >= 0) {
      if (auto y = r_.ReadYear(v, path + ".year")) {
        rk.year = *y;
        CheckNotAfterAsOf(v, path + ".year", Date{*y, 0, 0});
      }
    }
    RequiredText(*f, "list", L::kLineText, &rk.list);
    int rank_id = r_.Require(*f, "rank");
    if (rank_id >= 0) {
      if (auto v = r_.ReadInteger(rank_id, path + ".rank")) {
        if (*v < 1) {
          r_.Error(rank_id, path + ".rank", fmt::format("rank {} must be 1 or more", *v));
        } else {
          rk.rank = *v;
        }
      }
    }
    if (int v = f->Get("of"); v >= 0) {
      if (auto of = r_.ReadInteger(v, path + ".of")) {
        if (*of < 1) {
          r_.Error(v, path + ".of", fmt::format("list size {} must be 1 or more", *of));
        } else if (rk.rank > 0 && *of < rk.rank) {
          r_.Error(v, path + ".of",
                   fmt::format("list size {} is smaller than rank {}", *of, rk.rank));
        } else {
          rk.of = *of;
        }
      }
    }
    out->push_back(rk);
  }
  SortBy(out, [](const Ranking& r) { return r.year; });
}

std::optional<std::string> BriefValidator::ReadCurrency(int id, const std::string& path) {
  auto code = r_.ReadText(id, path, 40);
  if (!code) return std::nullopt;
  if (IsActiveCurrency(*code)) return code;
  std::string message = fmt::format("'{}' is not an ISO 4217 code", *code);
  std::string hint = RetiredCurrencyHint(*code);
  std::string upper = *code;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string guess;
  if (!hint.empty()) {
    guess = hint.substr(hint.rfind(' ') + 1);
  } else if (IsActiveCurrency(upper)) {
    guess = upper;
    hint = "currency codes are written in capitals";
  } else if (std::string others, named = SuggestCurrency(*code, &others); !named.empty()) {
    // A name, sign or adjective: "rubles", "$", "Swedish kronor".
    guess = named;
    hint = WriteHint(path, named) + (others.empty() ? "" : " (or " + others + ")");
  } else {
    guess = NearestMatch(*code, ActiveCurrencies());
  }
  if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
  r_.Error(id, path, message, hint);
  return std::nullopt;
}

void BriefValidator::ReadRevenue(const MapFields& root, std::vector<Revenue>* out) {
  std::vector<int> items = Items(root, "revenue", false, L::kListItems);
  // (currency, year) → line of the first entry, for duplicates.
  std::map<std::pair<std::string, int>, int> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("revenue", i);
    auto f = r_.ReadMap(items[i], path, {"year", "amount", "currency", "approximate", "note"});
    if (!f) continue;
    Revenue rev;
    int year_id = r_.Require(*f, "year");
    if (year_id >= 0) {
      if (auto y = r_.ReadYear(year_id, path + ".year")) {
        rev.year = *y;
        CheckNotAfterAsOf(year_id, path + ".year", Date{*y, 0, 0});
      }
    }
    if (int v = r_.Require(*f, "amount"); v >= 0) {
      if (auto a = r_.ReadNumber(v, path + ".amount")) {
        if (*a <= 0) {
          r_.Error(v, path + ".amount", fmt::format("amount must be greater than 0, got {}",
                                                    r_.node(v).text));
        } else if (*a > kMaxAmount) {
          r_.Error(v, path + ".amount",
                   fmt::format("amount {} is more than the page shows; the limit is 1e15 "
                               "(a thousand trillion)", r_.node(v).text));
        } else {
          rev.amount = *a;
        }
      }
    }
    if (int v = r_.Require(*f, "currency"); v >= 0) {
      if (auto c = ReadCurrency(v, path + ".currency")) rev.currency = *c;
    }
    if (int v = f->Get("approximate"); v >= 0) {
      rev.approximate = r_.ReadBool(v, path + ".approximate").value_or(false);
    }
    OptionalText(*f, "note", L::kLineText, &rev.note);
    if (rev.year && !rev.currency.empty()) {
      int line = r_.node(items[i]).position.line;
      auto [it, inserted] = seen.emplace(std::make_pair(rev.currency, rev.year), line);
      if (!inserted) {
        r_.Error(year_id, path + ".year",
                 fmt::format("{} revenue for {} is given twice, on lines {} and {}", rev.currency,
                             rev.year, it->second, line),
                 "one currency may list each year once");
      }
    }
    out->push_back(rev);
  }
  SortBy(out, [](const Revenue& r) { return r.year; });
}

std::optional<int64_t> BriefValidator::ReadCount(int id, const std::string& path, int64_t max) {
  auto n = r_.ReadInteger(id, path);
  if (!n) return std::nullopt;
  if (*n <= 0 || *n > max) {
    r_.Error(id, path, fmt::format("must be a whole number from 1 to {}, got {}",
                                   GroupThousands(max), r_.node(id).text));
    return std::nullopt;
  }
  return n;
}

void BriefValidator::ReadVolumes(const MapFields& root, std::vector<Volume>* out) {
  std::vector<int> items = Items(root, "volumes", false, L::kListItems);
  std::map<int, int> seen;  // year → line of its first entry
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("volumes", i);
    auto f = r_.ReadMap(items[i], path, {"year", "produced", "delivered", "approximate", "note"});
    if (!f) continue;
    Volume v;
    int year_id = r_.Require(*f, "year");
    if (year_id >= 0) {
      if (auto y = r_.ReadYear(year_id, path + ".year")) {
        v.year = *y;
        CheckNotAfterAsOf(year_id, path + ".year", Date{*y, 0, 0});
      }
    }
    int produced = f->Get("produced"), delivered = f->Get("delivered");
    if (produced >= 0) v.produced = ReadCount(produced, path + ".produced", kMaxCount).value_or(0);
    if (delivered >= 0) v.delivered = ReadCount(delivered, path + ".delivered", kMaxCount).value_or(0);
    if (produced < 0 && delivered < 0) {
      r_.Error(items[i], path, "a volume needs 'produced' or 'delivered' (or both)",
               "write the units made that year as 'produced: 120000', the units sold as 'delivered: 118000'");
    }
    if (int a = f->Get("approximate"); a >= 0) {
      v.approximate = r_.ReadBool(a, path + ".approximate").value_or(false);
    }
    OptionalText(*f, "note", L::kLineText, &v.note);
    if (v.year) {
      int line = r_.node(items[i]).position.line;
      auto [it, inserted] = seen.emplace(v.year, line);
      if (!inserted) {
        r_.Error(year_id, path + ".year",
                 fmt::format("volumes for {} are given twice, on lines {} and {}", v.year,
                             it->second, line),
                 "list each year once, with both 'produced' and 'delivered' in the one entry");
      }
    }
    out->push_back(v);
  }
  SortBy(out, [](const Volume& v) { return v.year; });
}

void BriefValidator::ReadDisruptions(const MapFields& root, std::vector<Disruption>* out) {
  std::vector<int> items = Items(root, "disruptions", false, L::kShortList);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("disruptions", i);
    auto f = r_.ReadMap(items[i], path, {"date", "title", "summary", "status"});
    if (!f) continue;
    Disruption d;
    if (int v = r_.Require(*f, "date"); v >= 0) {
      if (auto date = r_.ReadDate(v, path + ".date")) {
        d.date = *date;
        CheckNotAfterAsOf(v, path + ".date", *date);
      }
    }
    RequiredText(*f, "title", L::kLineText, &d.title);
    RequiredText(*f, "summary", L::kParagraph, &d.summary);
    if (int v = f->Get("status"); v >= 0) {
      if (auto s = r_.ReadEnum(v, path + ".status", DisruptionStatusNames())) {
        d.status = static_cast<DisruptionStatus>(
            1 + static_cast<int>(EnumAt<int>(DisruptionStatusNames(), *s)));
      }
    }
    out->push_back(d);
  }
  SortBy(out, [](const Disruption& d) { return d.date; });
}

void BriefValidator::ReadRoadmap(const MapFields& root, EvRoadmap* out) {
  int id = root.Get("ev_roadmap");
  if (id < 0 || r_.node(id).kind == NodeKind::kNull) return;
  auto f = r_.ReadMap(id, "ev_roadmap", {"milestones", "pillars"});
  if (!f) return;
  std::vector<int> items = Items(*f, "milestones", false, L::kShortList);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("ev_roadmap.milestones", i);
    auto m = r_.ReadMap(items[i], path, {"date", "milestone", "status"});
    if (!m) continue;
    Milestone ms;
    if (int v = r_.Require(*m, "date"); v >= 0) {
      if (auto d = r_.ReadDate(v, path + ".date")) ms.date = *d;
    }
    RequiredText(*m, "milestone", L::kLineText, &ms.milestone);
    if (int v = r_.Require(*m, "status"); v >= 0) {
      if (auto s = r_.ReadEnum(v, path + ".status", MilestoneStatusNames())) {
        ms.status = EnumAt<MilestoneStatus>(MilestoneStatusNames(), *s);
      }
    }
    out->milestones.push_back(ms);
  }
  SortBy(&out->milestones, [](const Milestone& m) { return m.date; });
  std::vector<int> pillars = Items(*f, "pillars", false, L::kShortList);
  for (size_t i = 0; i < pillars.size(); ++i) {
    if (auto p = r_.ReadText(pillars[i], IndexPath("ev_roadmap.pillars", i), L::kLineText)) {
      out->pillars.push_back(*p);
    }
  }
}

void BriefValidator::ReadPartnerships(const MapFields& root, std::vector<Partnership>* out) {
  std::vector<int> items = Items(root, "partnerships", false, L::kListItems);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("partnerships", i);
    auto f = r_.ReadMap(items[i], path, {"partner", "kind", "scope", "since", "until", "status"});
    if (!f) continue;
    Partnership p;
    RequiredText(*f, "partner", L::kName, &p.partner);
    if (int v = r_.Require(*f, "kind"); v >= 0) {
      if (auto k = r_.ReadEnum(v, path + ".kind", PartnershipKindNames())) {
        p.kind = EnumAt<PartnershipKind>(PartnershipKindNames(), *k);
      }
    }
    OptionalText(*f, "scope", L::kLineText, &p.scope);
    if (int v = f->Get("since"); v >= 0) p.since = r_.ReadYear(v, path + ".since");
    if (int v = f->Get("until"); v >= 0) {
      p.until = r_.ReadYear(v, path + ".until");
      if (p.since && p.until && *p.until < *p.since) {
        r_.Error(v, path + ".until",
                 fmt::format("until {} is before since {}", *p.until, *p.since));
      }
    }
    if (int v = f->Get("status"); v >= 0) {
      if (auto s = r_.ReadEnum(v, path + ".status", PartnershipStatusNames())) {
        p.status = static_cast<PartnershipStatus>(
            1 + EnumAt<int>(PartnershipStatusNames(), *s));
      }
    }
    out->push_back(p);
  }
  // Kept in the author's order: it says which partners matter most.
}

void BriefValidator::ReadSources(const MapFields& root, std::vector<Source>* out) {
  std::vector<int> items = Items(root, "sources", true, L::kShortList);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = IndexPath("sources", i);
    auto f = r_.ReadMap(items[i], path, {"name", "url", "note"});
    if (!f) continue;
    Source s;
    RequiredText(*f, "name", L::kLineText, &s.name);
    if (int v = f->Get("url"); v >= 0) {
      if (auto url = r_.ReadUrl(v, path + ".url")) s.url = *url;
    }
    OptionalText(*f, "note", L::kLineText * 2, &s.note);
    out->push_back(s);
  }
}

}  // namespace

std::optional<Brief> ValidateBrief(const std::string& file, const SyntaxTree& tree,
                                   const FileSystem& fs, std::vector<Diagnostic>* diagnostics) {
  return BriefValidator(file, tree, fs, diagnostics).Run();
}

}  // namespace brief
