// Expands command-line paths into the brief files to process.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"

namespace brief {

// Each path is a file (taken as given) or a folder (its *.yaml and *.yml
// files, sorted by name, not recursive). A missing path or a folder with no
// briefs becomes an error diagnostic, as does a folder entry named like a
// brief that is not a regular file (a folder, a pipe, a broken link); files
// are returned in argument order
// without duplicates.
std::vector<std::string> ExpandInputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                      std::vector<Diagnostic>* problems);

}  // namespace brief
