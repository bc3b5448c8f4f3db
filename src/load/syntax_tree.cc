#include "load/syntax_tree.h"

namespace brief {

int FindPathNode(const SyntaxTree& tree, std::string_view path, int* key_id) {
  int id = tree.root;
  if (key_id) *key_id = -1;
  size_t pos = 0;
  while (id >= 0 && pos < path.size()) {
    if (path[pos] == '.') ++pos;
    if (path[pos] == '[') {
      size_t close = path.find(']', pos);
      if (close == std::string_view::npos || tree.at(id).kind != NodeKind::kSequence) return -1;
      size_t index = 0;
      for (size_t i = pos + 1; i < close; ++i) index = index * 10 + static_cast<size_t>(path[i] - '0');
      const std::vector<int>& items = tree.children(id);
      if (index >= items.size()) return -1;
      id = items[index];
      if (key_id) *key_id = -1;
      pos = close + 1;
      continue;
    }
    size_t end = path.find_first_of(".[", pos);
    std::string_view key = path.substr(pos, end == std::string_view::npos ? path.npos : end - pos);
    if (tree.at(id).kind != NodeKind::kMap) return -1;
    const std::vector<int>& kv = tree.children(id);
    int found = -1;
    for (size_t i = 0; i + 1 < kv.size() && found < 0; i += 2) {
      if (tree.at(kv[i]).text == key) {
        found = kv[i + 1];
        if (key_id) *key_id = kv[i];
      }
    }
    id = found;
    pos = end == std::string_view::npos ? path.size() : end;
  }
  return id;
}

Position FindPath(const SyntaxTree& tree, std::string_view path) {
  int id = FindPathNode(tree, path);
  return id >= 0 ? tree.at(id).position : Position{};
}

const char* KindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull: return "null";
    case NodeKind::kScalar: return "text";
    case NodeKind::kSequence: return "a list";
    case NodeKind::kMap: return "a mapping";
  }
  return "?";
}

}  // namespace brief
