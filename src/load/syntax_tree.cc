#include "load/syntax_tree.h"

namespace brief {

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
