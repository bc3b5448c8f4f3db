#include "validate/check_brief.h"

#include "base/utf8.h"
#include "load/syntax_tree.h"
#include "validate/validate_brief.h"

namespace brief {

namespace {

bool LooksLikeNumberOrFlag(const std::string& text) {
  if (text.empty()) return true;
  static const char* kWords[] = {"true", "false", "yes", "no", "null", "~", "on", "off"};
  for (const char* w : kWords) {
    if (text == w) return true;
  }
  return text.find_first_not_of("0123456789+-.eE_:") == std::string::npos;
}

// Warns about a plain text value that YAML cut at " #" (the rest of the
// line is a comment): "scope: Lidar #1 supplier" is "Lidar". Only where it
// looks like text, not a note: one space before the '#' and none after it
// ("#1", "#hashtag"); "Private   # listed by Forbes" is a comment as meant.
// Numbers and flags are left alone.
void FindCutText(const SyntaxTree& tree, const std::string& source, const std::string& file, int id,
                 const std::string& path, std::vector<Diagnostic>* out) {
  const SyntaxNode& n = tree.at(id);
  // An alias is not walked: its anchored node was (and an "alias bomb"
  // would otherwise take exponential time).
  if (n.alias_of >= 0) return;
  const std::vector<int>& children = n.children;
  if (n.kind == NodeKind::kMap) {
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const SyntaxNode& key = tree.at(children[i]);
      FindCutText(tree, source, file, children[i + 1], path.empty() ? key.text : path + "." + key.text, out);
    }
    return;
  }
  if (n.kind == NodeKind::kSequence) {
    for (size_t i = 0; i < children.size(); ++i) {
      FindCutText(tree, source, file, children[i], path + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  if (n.kind != NodeKind::kScalar || !n.plain || n.offset < 0 || LooksLikeNumberOrFlag(n.text) ||
      n.text.find('\n') != std::string::npos) {
    return;
  }
  size_t at = static_cast<size_t>(n.offset);
  if (source.compare(at, n.text.size(), n.text) != 0) return;  // Not written as read (folded).
  size_t after = at + n.text.size();
  size_t hash = after + 1;
  if (hash + 1 >= source.size() || (source[after] != ' ' && source[after] != '\t') || source[hash] != '#' ||
      source[hash + 1] == ' ' || source[hash + 1] == '\t' || source[hash + 1] == '\n' ||
      source[hash + 1] == '\r') {
    return;
  }
  size_t end = source.find('\n', hash);
  std::string cut = source.substr(hash, end == std::string::npos ? std::string::npos : end - hash);
  while (!cut.empty() && (cut.back() == '\r' || cut.back() == ' ')) cut.pop_back();
  // Underlined: the value and the text cut from it.
  int length = static_cast<int>(CountCodePoints(source.substr(at, hash - at)) + CountCodePoints(cut));
  out->push_back({Severity::kWarning, file, n.position.line, n.position.column, path,
                  "the text ends at '" + n.text + "': YAML reads '" + cut + "' after it as a comment",
                  "if it belongs to the value, quote the whole value: \"" + n.text + " " + cut + "\"", length});
}

}  // namespace

BriefCheck CheckBriefFile(const FileSystem& fs, const std::string& path, bool strict,
                          const LoadLimits& limits) {
  BriefCheck check;
  check.file = path;
  std::string source, error;
  if (!fs.Read(path, limits.max_bytes, &source, &error)) {
    check.diagnostics.push_back({Severity::kError, path, 0, 0, "", "cannot read: " + error, ""});
    return check;
  }
  if (LoadYaml(path, source, limits, &check.tree, &check.diagnostics)) {
    check.brief = ValidateBrief(path, check.tree, fs, &check.diagnostics);
    if (check.tree.root >= 0) FindCutText(check.tree, source, path, check.tree.root, "", &check.diagnostics);
  }
  if (strict) {
    for (Diagnostic& d : check.diagnostics) {
      if (d.severity == Severity::kWarning) {
        d.severity = Severity::kError;
        check.brief.reset();
      }
    }
  }
  SortByPosition(&check.diagnostics);
  check.source = std::move(source);
  return check;
}

void BriefCheck::Locate(std::vector<Diagnostic>* found) const {
  for (Diagnostic& d : *found) {
    if (d.line != 0 || d.path.empty()) continue;
    int key = -1;
    int id = FindPathNode(tree, d.path, &key);
    if (id < 0) continue;
    // A finding about a whole list or mapping (an overflowing section) is
    // shown at its key, where the section starts.
    NodeKind kind = tree.at(id).kind;
    if (key >= 0 && (kind == NodeKind::kMap || kind == NodeKind::kSequence)) id = key;
    d.line = tree.at(id).position.line;
    d.column = tree.at(id).position.column;
    d.length = tree.at(id).length;
  }
}

}  // namespace brief
