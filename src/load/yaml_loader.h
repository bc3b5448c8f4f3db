// load: UTF-8 source text → SyntaxTree, or diagnostics saying why not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "load/syntax_tree.h"

namespace brief {

// Limits that keep a hostile file from costing much time or memory.
struct LoadLimits {
  size_t max_bytes = 1 << 20;   // 1 MiB; a real brief is a few KB.
  int max_depth = 32;           // A brief nests 4 levels deep.
  int max_nodes = 50000;        // A large brief has a few thousand.
  const char* what = "a brief"; // What the limits are for, in messages.
};

// Parses one YAML document from `source` (the file's bytes) into *tree.
// Checks what yaml-cpp lets through: invalid UTF-8, control characters, more
// than one document, unclosed quotes, and the limits. Every problem found is
// appended to *diagnostics with `file` as its file name. Returns true when the
// tree is usable (a document was read and no error was found).
bool LoadYaml(const std::string& file, std::string_view source, const LoadLimits& limits,
              SyntaxTree* tree, std::vector<Diagnostic>* diagnostics);

}  // namespace brief
