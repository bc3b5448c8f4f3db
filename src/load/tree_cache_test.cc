#include "load/tree_cache.h"

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include <doctest/doctest.h>

#include "output/cache_file.h"

namespace brief {

namespace {

std::string ReadAll(const std::string& path) {
  std::string bytes;
  ReadCacheFile(path, &bytes);
  return bytes;
}

void CheckSame(const SyntaxTree& a, const SyntaxTree& b) {
  REQUIRE(a.nodes.size() == b.nodes.size());
  CHECK(a.root == b.root);
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    const SyntaxNode &x = a.nodes[i], &y = b.nodes[i];
    CHECK(x.kind == y.kind);
    CHECK(x.position.line == y.position.line);
    CHECK(x.position.column == y.position.column);
    CHECK(x.offset == y.offset);
    CHECK(x.text == y.text);
    CHECK(x.plain == y.plain);
    CHECK(x.children == y.children);
    CHECK(x.alias_of == y.alias_of);
    CHECK(x.length == y.length);
  }
}

}  // namespace

TEST_CASE("tree cache: a tree round-trips exactly, and a damaged one is refused") {
  std::string source = ReadAll("templates/classic.yaml");
  // Text with line breaks, colons, quotes and non-ASCII; an alias.
  source += "\nextra:\n  a: &x [1, 2]\n  b: *x\n  c: \"two\\nlines: é\"\n  d: |\n    block\n    text\n";
  SyntaxTree tree;
  std::vector<Diagnostic> d;
  REQUIRE(LoadYaml("t.yaml", source, LoadLimits{}, &tree, &d));
  std::string bytes = SerializeTree(tree);
  SyntaxTree back;
  REQUIRE(DeserializeTree(bytes, &back));
  CheckSame(tree, back);
  // Every single-byte change in the body is caught by the checksum.
  for (size_t at : {size_t{25}, bytes.size() / 2, bytes.size() - 80}) {
    std::string damaged = bytes;
    damaged[at] ^= 1;
    SyntaxTree t;
    CHECK_FALSE(DeserializeTree(damaged, &t));
  }
  SyntaxTree t;
  CHECK_FALSE(DeserializeTree(bytes.substr(0, bytes.size() - 3), &t));
  CHECK_FALSE(DeserializeTree("", &t));
}

TEST_CASE("tree cache: a file that loads is stored and found by its bytes, and broken files, damage and other builds miss") {
  char name[] = "/tmp/brief_trees_XXXXXX";
  std::string dir = std::string(mkdtemp(name)) + "/trees";
  auto count = [&] {
    int n = 0;
    if (std::filesystem::exists(dir)) {
      for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".tree";
    }
    return n;
  };
  TreeCache cache(dir, "brief test build 1");
  std::string source = "a: 1\nb: [x, y]\n";
  SyntaxTree direct, first, second;
  std::vector<Diagnostic> d;
  REQUIRE(LoadYaml("t.yaml", source, LoadLimits{}, &direct, &d));
  REQUIRE(cache.Load("t.yaml", source, LoadLimits{}, &first, &d));
  CHECK(count() == 1);
  REQUIRE(cache.Load("t.yaml", source, LoadLimits{}, &second, &d));
  CHECK(d.empty());
  CheckSame(direct, first);
  CheckSame(direct, second);
  // A damaged entry is loaded again from the source and replaced.
  std::string entry = std::filesystem::directory_iterator(dir)->path().string();
  std::ofstream(entry, std::ios::binary) << "brief syntax tree 1\n0 1\n0 1 9 9 0 -1 0 0 0:\nsha256 0\n";
  SyntaxTree again;
  REQUIRE(cache.Load("t.yaml", source, LoadLimits{}, &again, &d));
  CheckSame(direct, again);
  std::string rewritten = ReadAll(entry);
  CHECK(DeserializeTree(rewritten.substr(rewritten.find('\n') + 1), &again));
  // An entry copied over another's name is not taken for it.
  std::string other_source = "z: [other]\n";
  SyntaxTree other_direct;
  REQUIRE(LoadYaml("o.yaml", other_source, LoadLimits{}, &other_direct, &d));
  REQUIRE(cache.Load("o.yaml", other_source, LoadLimits{}, &again, &d));
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().string() != entry) std::filesystem::copy_file(entry, e.path(), std::filesystem::copy_options::overwrite_existing);
  }
  REQUIRE(cache.Load("o.yaml", other_source, LoadLimits{}, &again, &d));
  CheckSame(other_direct, again);
  // A FIFO where an entry belongs is passed over, without waiting for a writer.
  std::filesystem::remove(entry);
  REQUIRE(mkfifo(entry.c_str(), 0644) == 0);
  REQUIRE(cache.Load("t.yaml", source, LoadLimits{}, &again, &d));
  CheckSame(direct, again);
  CHECK(std::filesystem::is_regular_file(entry));
  // Other bytes, other limits or another build: other entries.
  REQUIRE(cache.Load("t.yaml", source + "c: 2\n", LoadLimits{}, &again, &d));
  LoadLimits small;
  small.max_nodes = 100;
  REQUIRE(cache.Load("t.yaml", source, small, &again, &d));
  TreeCache other(dir, "brief test build 2");
  REQUIRE(other.Load("t.yaml", source, LoadLimits{}, &again, &d));
  CHECK(count() == 5);
  // A file that does not load is never stored: its errors come every time.
  std::string broken = "a: [1, 2\n";
  std::vector<Diagnostic> e1, e2;
  CHECK_FALSE(cache.Load("e.yaml", broken, LoadLimits{}, &again, &e1));
  CHECK_FALSE(cache.Load("e.yaml", broken, LoadLimits{}, &again, &e2));
  CHECK_FALSE(e1.empty());
  CHECK(e1.size() == e2.size());
  CHECK(count() == 5);
  // No folder: no cache.
  TreeCache none("", "x");
  REQUIRE(none.Load("t.yaml", source, LoadLimits{}, &again, &d));
  CheckSame(direct, again);
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}

}  // namespace brief
