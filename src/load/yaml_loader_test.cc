#include "load/yaml_loader.h"

#include <chrono>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace brief;

namespace {

struct Loaded {
  bool ok;
  SyntaxTree tree;
  std::vector<Diagnostic> diagnostics;
  std::string first() const {
    return diagnostics.empty() ? "" : FormatDiagnostic(diagnostics.front());
  }
};

Loaded Load(const std::string& text, LoadLimits limits = LoadLimits()) {
  Loaded l;
  l.ok = LoadYaml("x.yaml", text, limits, &l.tree, &l.diagnostics);
  return l;
}

}  // namespace

TEST_CASE("loader: keeps positions in code points, quoting and duplicate keys") {
  Loaded l = Load("ж: \"ёё\"\nb: [1, '2']\nж: 3\n");
  REQUIRE(l.ok);
  const SyntaxNode& root = l.tree.at(l.tree.root);
  REQUIRE(root.kind == NodeKind::kMap);
  REQUIRE(root.children.size() == 6);  // Both copies of the duplicate key kept.
  const SyntaxNode& value = l.tree.at(root.children[1]);
  CHECK(value.text == "ёё");
  CHECK(value.position.line == 1);
  CHECK(value.position.column == 4);  // Bytes would say 5.
  CHECK_FALSE(value.plain);
  const SyntaxNode& list = l.tree.at(root.children[3]);
  CHECK(l.tree.at(list.children[0]).plain);
  CHECK_FALSE(l.tree.at(list.children[1]).plain);
  CHECK(l.tree.at(root.children[4]).position.line == 3);
}

TEST_CASE("loader: an empty value is placed at its key") {
  Loaded l = Load("a:\n\nb: 1\n");
  REQUIRE(l.ok);
  const SyntaxNode& null_value = l.tree.at(l.tree.at(l.tree.root).children[1]);
  CHECK(null_value.kind == NodeKind::kNull);
  CHECK(null_value.position.line == 1);
}

TEST_CASE("loader: a file over the size limit is refused before parsing") {
  std::string big(50 * 1000 * 1000, 'a');
  Loaded l = Load(big);
  CHECK_FALSE(l.ok);
  CHECK(l.first() == "x.yaml: error: the file is larger than 1024 KiB, the limit for a brief");
  LoadLimits for_templates;
  for_templates.what = "a template";
  std::vector<Diagnostic> d;
  SyntaxTree tree;
  LoadYaml("t.yaml", std::string(for_templates.max_bytes + 1, 'a'), for_templates, &tree, &d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "the file is larger than 1024 KiB, the limit for a template");
}

TEST_CASE("loader: 100,000 nested brackets stop at the depth limit") {
  Loaded l = Load(std::string(100000, '['));
  CHECK_FALSE(l.ok);
  CHECK(l.first() == "x.yaml:1:17: error: nesting is deeper than 32 levels, the limit for a brief");
  Loaded maps = Load(std::string(100000, '{'));
  CHECK_FALSE(maps.ok);
  CHECK(maps.first() == "x.yaml:1:32: error: nesting is deeper than 32 levels, the limit for a brief");
}

TEST_CASE("loader: yaml-cpp's own depth guard is turned into a diagnostic") {
  LoadLimits limits;
  limits.max_depth = 100000;  // Let yaml-cpp's DeepRecursion fire first.
  Loaded l = Load(std::string(2000, '['), limits);
  CHECK_FALSE(l.ok);
  CHECK(l.first().find("error: YAML syntax error: nesting is too deep") != std::string::npos);
}

TEST_CASE("loader: node count limit") {
  std::string many = "[";
  for (int i = 0; i < 60000; ++i) many += "1,";
  many += "1]";
  Loaded l = Load(many);
  CHECK_FALSE(l.ok);
  CHECK(l.first().find("the file has more than 50000 YAML nodes") != std::string::npos);
}

TEST_CASE("loader: an alias bomb is neither expanded nor slow") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += fmt::format("{}: &{} [", c, c);
    for (int i = 0; i < 9; ++i) text += fmt::format("{}*{}", i ? ", " : "", static_cast<char>(c - 1));
    text += "]\n";
  }
  Loaded l = Load(text);
  REQUIRE(l.ok);
  CHECK(l.tree.nodes.size() < 200);  // 9^10 leaves if it were expanded.
}

TEST_CASE("loader: more than one document is an error at the second") {
  Loaded l = Load("a: 1\n---\nb: 2\n");
  CHECK_FALSE(l.ok);
  CHECK(l.first() ==
        "x.yaml:2:1: error: a brief file holds one YAML document, but a second one starts here\n"
        "  hint: check the indentation above, or remove the extra '---'");
}

TEST_CASE("loader: encoding problems are listed with positions") {
  Loaded l = Load("a: \xC3\n\x01: b\n");
  CHECK_FALSE(l.ok);
  REQUIRE(l.diagnostics.size() == 2);
  CHECK(FormatDiagnostic(l.diagnostics[0]) ==
        "x.yaml:1:4: error: invalid UTF-8 byte 0xC3; a brief must be UTF-8 text");
  CHECK(FormatDiagnostic(l.diagnostics[1]) ==
        "x.yaml:2:1: error: control character U+0001 is not allowed in a brief");
}

TEST_CASE("loader: escapes cannot smuggle in control characters or noncharacters") {
  CHECK(Load("a: \"bell\\x07\"\n").first() ==
        "x.yaml:1:4: error: control character U+0007 (written as an escape) is not allowed in a brief");
  CHECK(Load("a: \"x\\uFFFF\"\n").first() ==
        "x.yaml:1:4: error: U+FFFF is a noncharacter, not text; it is not allowed in a brief");
  CHECK(Load("a: \"tab\\there\\nand a line\"\n").ok);  // Tabs and line ends are text.
}

TEST_CASE("loader: classic Mac OS line ends are named, not read as an empty file") {
  CHECK(Load("brief: 1\ras_of: 2024\r").first() ==
        "x.yaml: error: the file's lines end with a carriage return alone (classic Mac OS line ends)\n"
        "  hint: save the file with LF (Unix) or CRLF (Windows) line ends");
  CHECK(Load("a: 1\r\nb: 2\r\n").ok);  // CRLF is fine.
}

TEST_CASE("loader: a UTF-8 byte-order mark is skipped, UTF-16 is refused") {
  CHECK(Load("\xEF\xBB\xBF" "a: 1\n").ok);
  CHECK(Load("\xFF\xFE" "a\0:\0").first() ==
        "x.yaml: error: the file is UTF-16 or UTF-32 encoded; a brief must be UTF-8\n"
        "  hint: re-save the file as UTF-8");
}

TEST_CASE("loader: an unclosed quote is reported where it opens") {
  CHECK(Load("a: 1\nb: \"open\nc: 2\n").first() == "x.yaml:2:4: error: this double quote is never closed\n  hint: close the quote where the text ends");
  CHECK(Load("a: ['x, 1]\n").first() == "x.yaml:1:5: error: this single quote is never closed\n  hint: close the quote where the text ends");
  CHECK(Load("a: 'it''s'\n").ok);   // Escaped single quote.
  CHECK(Load("a: \"q\\\"\"\n").ok);  // Escaped double quote.
}
