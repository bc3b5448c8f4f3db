#include "mail/recipients.h"

#include <fnmatch.h>

#include <map>

#include "load/yaml_loader.h"
#include "mail/message.h"
#include "validate/node_reader.h"

namespace brief {

namespace {

// One address or a list of them, each checked.
std::vector<std::string> ReadAddresses(NodeReader* reader, int id, const std::string& path, bool* ok) {
  std::vector<std::string> out;
  std::vector<int> items;
  if (reader->node(id).kind == NodeKind::kSequence) {
    std::optional<std::vector<int>> list = reader->ReadList(id, path, true, 1000);
    if (!list) {
      *ok = false;
      return out;
    }
    items = *list;
  } else {
    items = {id};
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::string at = reader->node(id).kind == NodeKind::kSequence ? path + "[" + std::to_string(i) + "]" : path;
    std::optional<std::string> text = reader->ReadText(items[i], at, 320);
    if (!text) {
      *ok = false;
      continue;
    }
    std::string error;
    if (AddressOf(*text, &error).empty()) {
      reader->Error(items[i], at, error, "write an address as name@example.com or \"Name <name@example.com>\"");
      *ok = false;
      continue;
    }
    out.push_back(*text);
  }
  return out;
}

}  // namespace

std::vector<const RecipientRule*> Recipients::For(const std::string& name) const {
  std::vector<const RecipientRule*> out;
  for (const RecipientRule& r : rules) {
    // '*' matches across '/': "*" is every brief, "europe/*" all of Europe's.
    if (r.pattern == name || fnmatch(r.pattern.c_str(), name.c_str(), 0) == 0) out.push_back(&r);
  }
  return out;
}

std::optional<Recipients> LoadRecipients(const FileSystem& fs, const std::string& path,
                                         std::vector<Diagnostic>* diagnostics) {
  size_t before = diagnostics->size();
  std::string source, error;
  LoadLimits limits;
  limits.what = "a recipients file";
  if (!fs.Read(path, limits.max_bytes, &source, &error)) {
    diagnostics->push_back({Severity::kError, path, 0, 0, "", "cannot read: " + error, ""});
    return std::nullopt;
  }
  SyntaxTree tree;
  if (!LoadYaml(path, source, limits, &tree, diagnostics)) return std::nullopt;
  NodeReader reader(path, tree, diagnostics);
  if (tree.root < 0 || tree.at(tree.root).kind != NodeKind::kMap) {
    reader.Error(tree.root, "", "a recipients file is a mapping of brief names (or globs such as \"europe/*\") to to, cc and bcc",
                 "avtotor:\n    to: anna@example.ru");
    return std::nullopt;
  }
  Recipients result;
  result.file = path;
  const std::vector<int>& children = tree.children(tree.root);
  std::map<std::string, int> seen;  // pattern → line
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    int key = children[i], value = children[i + 1];
    std::optional<std::string> pattern = reader.ReadText(key, "", 500);
    if (!pattern) continue;
    auto [it, fresh] = seen.emplace(*pattern, tree.at(key).position.line);
    if (!fresh) {
      reader.Error(key, *pattern, "is given twice (first on line " + std::to_string(it->second) + ")",
                   "put its addresses under one entry");
      continue;
    }
    RecipientRule rule;
    rule.pattern = *pattern;
    rule.line = tree.at(key).position.line;
    rule.column = tree.at(key).position.column;
    std::optional<MapFields> fields = reader.ReadMap(value, *pattern, {"to", "cc", "bcc"});
    if (!fields) continue;
    bool ok = true;
    for (auto [name, list] : {std::pair{"to", &rule.to}, std::pair{"cc", &rule.cc}, std::pair{"bcc", &rule.bcc}}) {
      int id = fields->Get(name);
      if (id >= 0) *list = ReadAddresses(&reader, id, *pattern + "." + name, &ok);
    }
    if (ok && rule.to.empty() && rule.cc.empty() && rule.bcc.empty()) {
      reader.Error(value, *pattern, "names no one: give to, cc or bcc");
    }
    result.rules.push_back(std::move(rule));
  }
  SortByPosition(diagnostics);
  if (CountSeverity(std::vector<Diagnostic>(diagnostics->begin() + static_cast<long>(before), diagnostics->end()),
                    Severity::kError) > 0) {
    return std::nullopt;
  }
  return result;
}

}  // namespace brief
