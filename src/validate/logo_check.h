// The rules for company.logo: a PNG or JPEG inside the brief's folder.
#pragma once

#include <string>

#include "base/filesystem.h"

namespace brief {

// Resolves `logo` (as written in the brief at `brief_file`) to a path the
// renderer can open. Returns "" and sets *problem (and maybe *hint) when the
// path is absolute, leaves the brief's folder (by ".." or a symlink), is
// missing, is not a regular file, or is not an image that passes
// CheckImage (a whole, undamaged PNG or JPEG within the logo limits that
// libharu can draw). *width and *height (when given) get its pixel size.
std::string ResolveLogo(const FileSystem& fs, const std::string& brief_file,
                        const std::string& logo, std::string* problem, std::string* hint,
                        int* width = nullptr, int* height = nullptr);

}  // namespace brief
