// Where brief finds its templates/ and fonts/: a search path of resource
// folders, so that an installed binary, a relocated install, a user's own
// templates and a build folder in a checkout all work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "batch/shard.h"

namespace brief {

// One folder that may hold templates/ and fonts/, and why it is searched.
struct ResourceDir {
  std::string path;
  std::string origin;  // "--resources", "$BRIEF_HOME", "$XDG_DATA_HOME", ...
};

// The folders to search, in order (earlier ones win):
//   1. --resources DIR (`flag`, when given)
//   2. $BRIEF_HOME
//   3. $XDG_DATA_HOME/brief (default ~/.local/share/brief)
//   4. each $XDG_DATA_DIRS entry + /brief (default /usr/local/share:/usr/share)
//   5. the install prefix's share/brief, relative to the binary
//      (`exe`/../share/brief, so a moved install still works)
//   6. the source tree when run from a build folder (`exe`/../ holding templates/)
// Folders are listed whether or not they exist (the error for "nothing
// found" names them all); a folder reached twice is listed once.
std::vector<ResourceDir> ResourceSearchPath(const std::string& flag, const EnvLookup& env,
                                            const std::string& exe);

// A template found on the search path: its file, and the fonts/ folder
// beside its templates/ folder (fonts named by file are looked up there).
struct FoundTemplate {
  std::string path;
  std::string fonts_dir;
};

// The template `name` ("classic") as DIR/templates/NAME.yaml in the first
// folder that has it; a name with a '/' or ending in .yaml/.yml is a path,
// taken as given (fonts from the first folder that has fonts/). nullopt
// when not found.
std::optional<FoundTemplate> FindTemplate(const FileSystem& fs, const std::vector<ResourceDir>& dirs,
                                          const std::string& name);

// Every template on the search path: name, file, and the folder's origin;
// a name found again in a later folder is listed with `shadowed` set.
struct TemplateEntry {
  std::string name, path, origin;
  bool shadowed = false;
};
std::vector<TemplateEntry> ListTemplates(const FileSystem& fs, const std::vector<ResourceDir>& dirs);

// "  --resources: /x\n  $BRIEF_HOME: (not set)..." for error messages: each
// folder searched, one per line, marked when it does not exist.
std::string DescribeSearchPath(const FileSystem& fs, const std::vector<ResourceDir>& dirs);

}  // namespace brief
