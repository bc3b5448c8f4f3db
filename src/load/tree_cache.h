// Syntax trees kept between runs, for files every run reads unchanged (the
// template): parsing YAML with yaml-cpp costs twenty times what reading a
// stored tree back does. An entry is found by the SHA-256 of the file's
// bytes, the load limits and this program's version, so an edited file, a
// new limit or a new loader can never be answered with an old tree; it
// carries its own checksum, so a damaged entry is ignored (and replaced),
// never trusted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "load/syntax_tree.h"
#include "load/yaml_loader.h"

namespace brief {

// The tree as bytes: a header line, the nodes, and a trailing checksum line.
std::string SerializeTree(const SyntaxTree& tree);

// Reads SerializeTree's bytes back into *tree. False for anything else (a
// bad checksum, another format version, ids out of range).
bool DeserializeTree(std::string_view bytes, SyntaxTree* tree);

// A folder of stored trees ("" : no cache; nothing is read or written).
// `salt` names the program that makes the trees (its version and its
// binary's stamp), so that a rebuilt loader never reads another's trees.
class TreeCache {
 public:
  TreeCache(std::string dir, std::string salt) : dir_(std::move(dir)), salt_(std::move(salt)) {}

  // LoadYaml, through the cache: a file that loads is stored, and found
  // again by its bytes; one that does not is parsed every time, so its
  // errors are reported every time. Same contract as LoadYaml.
  bool Load(const std::string& file, std::string_view source, const LoadLimits& limits, SyntaxTree* tree,
            std::vector<Diagnostic>* diagnostics) const;

 private:
  std::string dir_;
  std::string salt_;
};

}  // namespace brief
