// The loader's output: a YAML syntax tree whose every node knows its position.
//
// yaml-cpp's own Node loses what a strict validator needs (duplicate keys,
// whether a scalar was quoted, code-point columns), so the loader builds this
// tree from parser events instead. Aliases are not expanded: an alias to a
// collection shares the anchored node's id, so the tree stays as small as the
// file even for an "alias bomb".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace brief {

enum class NodeKind { kNull, kScalar, kSequence, kMap };

// 1-based line and column (column counted in code points).
struct Position {
  int line = 0;
  int column = 0;
};

struct SyntaxNode {
  NodeKind kind = NodeKind::kNull;
  Position position;
  // Byte offset in the file where the node starts (-1: unknown).
  long long offset = -1;
  // Scalars: the value after YAML unescaping and folding. Nulls that are
  // a mapping's value: the comment written where the value belongs
  // ("#Avtotor" in "name: #Avtotor"), or "".
  std::string text;
  // Scalars: true when written plain (not quoted, not a block scalar, no
  // explicit tag). Only plain scalars can be numbers, booleans or null.
  bool plain = true;
  // Sequences: item ids. Maps: key and value ids alternating (k0, v0, k1, ...),
  // duplicates kept. Empty for an alias; use SyntaxTree::children().
  std::vector<int> children;
  // For an alias to a collection: the anchored node whose children it shares.
  int alias_of = -1;
  // Scalars: how many code points the value takes on its first line in the
  // file, quotes included (what a diagnostic underlines); 0 for the rest.
  int length = 0;
};

// All nodes of one document; ids index `nodes`.
struct SyntaxTree {
  std::vector<SyntaxNode> nodes;
  int root = -1;

  const SyntaxNode& at(int id) const { return nodes[static_cast<size_t>(id)]; }

  // A collection's children, following an alias to its anchored node.
  const std::vector<int>& children(int id) const {
    const SyntaxNode& n = at(id);
    return n.alias_of >= 0 ? at(n.alias_of).children : n.children;
  }
};

// The id of the value at a brief path such as "history[1].event" (-1 when
// the tree has no such value). *key_id, when given, is set to the id of the
// key it is the value of (-1 for a list item or the root).
int FindPathNode(const SyntaxTree& tree, std::string_view path, int* key_id = nullptr);

// The position of the value at a brief path such as "history[1].event" or
// "company.native_name" ({0, 0} when the tree has no such value).
Position FindPath(const SyntaxTree& tree, std::string_view path);

// Text name of a kind for messages: "null", "text", "list", "mapping".
const char* KindName(NodeKind kind);

}  // namespace brief
