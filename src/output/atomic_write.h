// output: files appear whole or not at all.
#pragma once

#include <functional>
#include <string>

namespace brief {

// Writes `bytes` to `path` through a temporary file in the same folder
// (".NAME.brief-tmp-XXXXXX", locked while it is written) and a rename, so
// readers never see a partial file and an earlier file at `path` survives
// any failure. A file replaced keeps its permissions; a new one gets 0666
// less the umask. Returns false with *error set on failure (the temporary
// file is removed). `before_rename`, when set, runs once the temporary file
// is complete and still locked (a test hook).
bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error,
                         const std::function<void()>& before_rename = {});

// Removes the temporary files WriteFileAtomically left in `dir` when its
// process was killed: those no process holds locked any more. Returns how
// many were removed.
int RemoveStaleTemporaries(const std::string& dir);

// Creates a folder and its parents if missing; false with *error otherwise.
bool EnsureDirectory(const std::string& path, std::string* error);

}  // namespace brief
