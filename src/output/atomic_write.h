// output: files appear whole or not at all.
#pragma once

#include <string>

namespace brief {

// Writes `bytes` to `path` through a temporary file in the same folder and a
// rename, so readers never see a partial file and an earlier file at `path`
// survives any failure. Returns false with *error set on failure (the
// temporary file is removed).
bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error);

// Creates a folder and its parents if missing; false with *error otherwise.
bool EnsureDirectory(const std::string& path, std::string* error);

}  // namespace brief
