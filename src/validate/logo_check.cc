#include "validate/logo_check.h"

#include "base/image_check.h"

#include <fmt/format.h>

namespace brief {

std::string ResolveLogo(const FileSystem& fs, const std::string& brief_file,
                        const std::string& logo, std::string* problem, std::string* hint,
                        int* width_out, int* height_out) {
  if (logo[0] == '/' || logo[0] == '\\' || (logo.size() > 1 && logo[1] == ':')) {
    *problem = fmt::format("'{}' is an absolute path; the logo must be relative to the brief's "
                           "folder", logo);
    return "";
  }
  std::string normalized = NormalizePath(logo);
  if (normalized == ".." || normalized.rfind("../", 0) == 0 ||
      logo.find("/../") != std::string::npos || logo.rfind("../", 0) == 0) {
    *problem = fmt::format("'{}' leaves the brief's folder; the logo must be inside it", logo);
    return "";
  }
  std::string dir = DirName(brief_file);
  std::string path = JoinPath(dir, normalized);
  PathKind kind = fs.Kind(path);
  if (kind == PathKind::kMissing) {
    *problem = fmt::format("logo file '{}' does not exist", path);
    return "";
  }
  if (kind != PathKind::kFile) {
    *problem = fmt::format("logo '{}' is not a regular file", path);
    return "";
  }
  std::string real_dir = fs.Canonical(dir);
  std::string real = fs.Canonical(path);
  if (real_dir.empty() || real.rfind(real_dir + "/", 0) != 0) {
    *problem = fmt::format("logo '{}' links outside the brief's folder", logo);
    return "";
  }
  std::string bytes, error;
  ImageLimits limits;
  if (!fs.Read(path, limits.max_bytes, &bytes, &error)) {
    *problem = fmt::format("logo '{}' cannot be read: {}", path, error);
    return "";
  }
  int width = 0, height = 0;
  std::string why;
  if (!CheckImage(bytes, limits, &width, &height, &why, hint)) {
    *problem = fmt::format("logo '{}' {}", logo, why);
    return "";
  }
  if (width_out) *width_out = width;
  if (height_out) *height_out = height;
  return path;
}

}  // namespace brief
