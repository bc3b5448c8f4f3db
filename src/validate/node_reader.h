// Typed reads from a SyntaxTree with precise diagnostics.
//
// Each Read* checks one node against one expectation and, when it fails,
// records an error at that node with its path and returns nullopt. Callers
// keep going after a failure so that every error of a file is reported.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "load/syntax_tree.h"
#include "model/date.h"

namespace brief {

// The keys of one mapping, each with the id of its value and key node.
struct MapFields {
  int node = -1;  // The mapping itself (where "missing key" is reported).
  std::string path;
  std::map<std::string, std::pair<int, int>> entries;  // key → (key id, value id)
  // Known keys an unknown key was taken for ("nmae" → "name"): that key's
  // "did you mean" error stands for its absence too (one mistake, one error).
  std::set<std::string> misspelt;

  // Value id for `key`, or -1 when absent.
  int Get(const std::string& key) const;
};

class NodeReader {
 public:
  NodeReader(const std::string& file, const SyntaxTree& tree, std::vector<Diagnostic>* diagnostics)
      : file_(file), tree_(tree), diagnostics_(diagnostics) {}

  const SyntaxTree& tree() const { return tree_; }
  const SyntaxNode& node(int id) const { return tree_.at(id); }

  // Records a diagnostic at node `id` (-1: the whole file).
  void Error(int id, const std::string& path, std::string message, std::string hint = "");
  void Warning(int id, const std::string& path, std::string message, std::string hint = "");

  // Reads a mapping: reports a node that is not a mapping, keys that are not
  // text, keys given twice (naming both lines) and unknown keys (naming the
  // closest known one). Known keys are kept even if others fail.
  std::optional<MapFields> ReadMap(int id, const std::string& path,
                                   const std::vector<std::string>& known_keys);

  // Value id of a required key; reports "missing required key" at the map.
  int Require(const MapFields& fields, const std::string& key, const std::string& hint = "");

  // A list's item ids. Null counts as empty. Reports a non-list, a list
  // longer than max_items, and (when required) an empty one.
  std::optional<std::vector<int>> ReadList(int id, const std::string& path, bool required,
                                           size_t max_items);

  // Text: any scalar, trimmed of Unicode white space, non-empty, at most
  // max_chars code points.
  std::optional<std::string> ReadText(int id, const std::string& path, size_t max_chars);

  // A plain YAML integer (no quotes, hex, octal, '_' or exponent), 64-bit.
  std::optional<int64_t> ReadInteger(int id, const std::string& path);

  // An integer year from kMinYear to kMaxYear.
  std::optional<int> ReadYear(int id, const std::string& path);

  // A plain finite decimal number, exponent form allowed ("4.0e9").
  std::optional<double> ReadNumber(int id, const std::string& path);

  // Plain true or false.
  std::optional<bool> ReadBool(int id, const std::string& path);

  // YYYY, YYYY-MM or YYYY-MM-DD, plain or quoted, a real calendar date.
  std::optional<Date> ReadDate(int id, const std::string& path);

  // One of `names` (case-sensitive); suggests the closest on a miss.
  std::optional<std::string> ReadEnum(int id, const std::string& path,
                                      const std::vector<std::string>& names);

  // An http:// or https:// URL with a host and no white space.
  std::optional<std::string> ReadUrl(int id, const std::string& path);

 private:
  // The scalar text of a node, or nullopt after reporting what it is instead.
  std::optional<std::string> Scalar(int id, const std::string& path, const char* expected);
  // "start it in column 3, like 'name' on line 6", for a key node.
  std::string LineUpHint(int key_id) const;

  // A mapping read so far: its known keys and its first key (for "start
  // it in column N, like 'x' on line L").
  struct ReadMapping {
    std::vector<std::string> known;
    int first_key = -1;
  };
  // An unknown key with no near miss: where, which, and its diagnostic.
  // When one required key of its mapping is missing and it is the only
  // such key there ("title" where "role" belongs), or it belongs to a
  // mapping inside ("role" dedented), the two are one mistake: its error
  // says so and it is `claimed`.
  struct UnknownKey {
    std::string path, key;
    size_t diagnostic;
    bool claimed = false;
  };
  std::map<std::string, ReadMapping> mappings_;             // by path
  std::map<std::string, std::set<std::string>> misplaced_;  // path → its keys found in a child mapping
  std::vector<UnknownKey> unknown_;

  const std::string& file_;
  const SyntaxTree& tree_;
  std::vector<Diagnostic>* diagnostics_;
};

// True when brief path `path` is inside `outer` ("company.people[0]" is
// inside "company" and the top level, ""), not the same path.
bool IsInside(const std::string& path, const std::string& outer);

// "revenue" + 1 → "revenue[1]"; "company" + "name" → "company.name".
std::string IndexPath(const std::string& path, size_t index);
std::string KeyPath(const std::string& path, const std::string& key);

}  // namespace brief
