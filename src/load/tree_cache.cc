#include "load/tree_cache.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "base/filesystem.h"
#include "base/sha256.h"
#include "output/cache_file.h"

namespace brief {

namespace {

constexpr std::string_view kHeader = "brief syntax tree 1\n";
constexpr std::string_view kChecksum = "sha256 ";

// Reads a number and the one separator byte after it.
template <typename T>
bool Next(std::string_view* in, T* value) {
  auto [end, ec] = std::from_chars(in->data(), in->data() + in->size(), *value);
  if (ec != std::errc() || end == in->data() + in->size()) return false;
  in->remove_prefix(static_cast<size_t>(end - in->data()) + 1);
  return true;
}

}  // namespace

std::string SerializeTree(const SyntaxTree& tree) {
  std::string out(kHeader);
  out += fmt::format("{} {}\n", tree.root, tree.nodes.size());
  for (const SyntaxNode& n : tree.nodes) {
    out += fmt::format("{} {} {} {} {} {} {} {}", static_cast<int>(n.kind), n.plain ? 1 : 0, n.position.line,
                       n.position.column, n.offset, n.alias_of, n.length, n.children.size());
    for (int c : n.children) out += fmt::format(" {}", c);
    out += fmt::format(" {}:", n.text.size());
    out += n.text;
    out += '\n';
  }
  out += fmt::format("{}{}\n", kChecksum, Sha256Hex(out));
  return out;
}

bool DeserializeTree(std::string_view bytes, SyntaxTree* tree) {
  constexpr size_t kLast = kChecksum.size() + 64 + 1;
  if (bytes.size() < kHeader.size() + kLast || bytes.substr(0, kHeader.size()) != kHeader) return false;
  std::string_view body = bytes.substr(0, bytes.size() - kLast);
  std::string_view last = bytes.substr(bytes.size() - kLast);
  if (last.substr(0, kChecksum.size()) != kChecksum || last.back() != '\n' ||
      last.substr(kChecksum.size(), 64) != Sha256Hex(body)) {
    return false;
  }
  std::string_view in = body.substr(kHeader.size());
  SyntaxTree t;
  size_t count = 0;
  if (!Next(&in, &t.root) || !Next(&in, &count) || count > in.size()) return false;
  t.nodes.resize(count);
  const int ids = static_cast<int>(count);
  for (SyntaxNode& n : t.nodes) {
    int kind = 0, plain = 0;
    size_t children = 0, length = 0;
    if (!Next(&in, &kind) || kind < 0 || kind > static_cast<int>(NodeKind::kMap) || !Next(&in, &plain) ||
        !Next(&in, &n.position.line) || !Next(&in, &n.position.column) || !Next(&in, &n.offset) ||
        !Next(&in, &n.alias_of) || !Next(&in, &n.length) || !Next(&in, &children) || children > in.size()) {
      return false;
    }
    n.kind = static_cast<NodeKind>(kind);
    n.plain = plain != 0;
    if (n.alias_of < -1 || n.alias_of >= ids) return false;
    n.children.resize(children);
    for (int& c : n.children) {
      if (!Next(&in, &c) || c < 0 || c >= ids) return false;
    }
    // The text: its length, ':', the bytes, '\n'.
    auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), length);
    if (ec != std::errc() || end == in.data() + in.size() || *end != ':') return false;
    in.remove_prefix(static_cast<size_t>(end - in.data()) + 1);
    if (length + 1 > in.size() || in[length] != '\n') return false;
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
