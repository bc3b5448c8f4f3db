// Expands command-line paths into the brief files to process.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"

namespace brief {

// A brief to process: its path, and its path relative to the folder given
// on the command line ("europe/volvo.yaml" for briefs/europe/volvo.yaml
// under "briefs"; the file name for a file given directly), which places
// its PDF under OUT.
struct InputFile {
  std::string path;
  std::string relative;
};

// Each path is a file (taken as given) or a folder: its *.yaml and *.yml
// files, sorted by name, and with `recursive` those of its sub-folders too
// (depth first, sorted; files and folders whose names start with '.' (an
// editor's lock and backup files) and links to
// folders are skipped; a folder named twice is walked once). A missing
// path or a folder with no briefs becomes an error diagnostic, as does an
// entry named like a brief that is not a regular file (a folder, a pipe, a
// broken link). Files are returned in argument order without duplicates.
std::vector<InputFile> ExpandInputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                    bool recursive, std::vector<Diagnostic>* problems);

// The PDF's path relative to OUT for a brief: `relative` with its
// extension replaced by ".pdf".
std::string OutputName(const InputFile& input);

}  // namespace brief
