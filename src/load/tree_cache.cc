#include "load/tree_cache.h"

#include <fmt/format.h>

#include "base/filesystem.h"
#include "base/sha256.h"
#include "output/cache_file.h"

namespace brief {

namespace {

constexpr std::string_view kHeader = "brief syntax tree 1\n";

}  // namespace

std::string SerializeTree(const SyntaxTree& tree) {
  std::string out = fmt::format("{} {}\n", tree.root, tree.nodes.size());
  for (const SyntaxNode& n : tree.nodes) {
    out += fmt::format("{} {} {} {} {} {} {} {}", static_cast<int>(n.kind), n.plain ? 1 : 0, n.position.line,
                       n.position.column, n.offset, n.alias_of, n.length, n.children.size());
    for (int c : n.children) out += fmt::format(" {}", c);
    out += fmt::format(" {}:", n.text.size());
    out += n.text;
    out += '\n';
  }
  return SealCacheText(kHeader, out);
}

bool DeserializeTree(std::string_view bytes, SyntaxTree* tree) {
  std::string_view in;
  if (!UnsealCacheText(bytes, kHeader, &in)) return false;
  SyntaxTree t;
  size_t count = 0;
  if (!TakeNumber(&in, &t.root, ' ') || !TakeNumber(&in, &count, '\n') || count > in.size()) return false;
  t.nodes.resize(count);
  const int ids = static_cast<int>(count);
  for (SyntaxNode& n : t.nodes) {
    int kind = 0, plain = 0;
    size_t children = 0, length = 0;
    bool read = TakeNumber(&in, &kind, ' ') && TakeNumber(&in, &plain, ' ') &&
                TakeNumber(&in, &n.position.line, ' ') && TakeNumber(&in, &n.position.column, ' ') &&
                TakeNumber(&in, &n.offset, ' ') && TakeNumber(&in, &n.alias_of, ' ') &&
                TakeNumber(&in, &n.length, ' ') && TakeNumber(&in, &children, ' ');
    if (!read || kind < 0 || kind > static_cast<int>(NodeKind::kMap) || children > in.size()) return false;
    n.kind = static_cast<NodeKind>(kind);
    n.plain = plain != 0;
    if (n.alias_of < -1 || n.alias_of >= ids) return false;
    n.children.resize(children);
    for (int& c : n.children) {
      if (!TakeNumber(&in, &c, ' ') || c < 0 || c >= ids) return false;
    }
    // The text: its length, ':', the bytes, '\n'.
    if (!TakeNumber(&in, &length, ':') || length + 1 > in.size() || in[length] != '\n') return false;
    n.text = std::string(in.substr(0, length));
    in.remove_prefix(length + 1);
  }
  if (!in.empty() || t.root < -1 || t.root >= ids) return false;
  *tree = std::move(t);
  return true;
}

bool TreeCache::Load(const std::string& file, std::string_view source, const LoadLimits& limits,
                     SyntaxTree* tree, std::vector<Diagnostic>* diagnostics) const {
  if (dir_.empty()) return LoadYaml(file, source, limits, tree, diagnostics);
  // The key: everything the tree depends on.
  std::string key = Sha256Hex(fmt::format("{}\n{} {} {} {}\n", salt_, limits.max_bytes, limits.max_depth,
                                          limits.max_nodes, limits.what) +
                              std::string(source));
  std::string path = dir_ + "/" + key + ".tree";
  // The entry starts with its key, so a file copied to another entry's
  // name is not taken for it.
  const std::string first_line = key + "\n";
  std::string bytes;
  if (ReadCacheFile(path, &bytes) && bytes.compare(0, first_line.size(), first_line) == 0 &&
      DeserializeTree(std::string_view(bytes).substr(first_line.size()), tree)) {
    return true;
  }
  size_t before = diagnostics->size();
  if (!LoadYaml(file, source, limits, tree, diagnostics)) return false;
  if (diagnostics->size() == before) {
    // A cache that cannot be written costs only speed.
    WriteCacheFile(path, first_line + SerializeTree(*tree));
  }
  return true;
}

}  // namespace brief
