#include "validate/logo_check.h"

#include "base/image_info.h"

#include <fmt/format.h>

namespace brief {

std::string ResolveLogo(const FileSystem& fs, const std::string& brief_file,
                        const std::string& logo, std::string* problem, std::string* hint) {
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
  std::string head, error;
  if (!fs.Read(path, 32, &head, &error)) {
    *problem = fmt::format("logo '{}' cannot be read: {}", path, error);
    return "";
  }
  ImageType type = SniffImage(head);
  if (type == ImageType::kUnknown) {
    *problem = fmt::format("logo '{}' is not a PNG or JPEG image (judged by its content)", logo);
    *hint = "convert it to PNG or JPEG";
    return "";
  }
  if (type == ImageType::kPng && head.size() >= 29) {
    // IHDR: width(4) height(4) at 16, then bit depth at 24 and interlace at 28.
    int bit_depth = static_cast<unsigned char>(head[24]);
    int interlace = static_cast<unsigned char>(head[28]);
    if (bit_depth == 16) {
      *problem = fmt::format("logo '{}' is a 16-bit PNG, which the PDF library cannot draw", logo);
      *hint = "save it as an 8-bit PNG";
      return "";
    }
    if (interlace != 0) {
      *problem = fmt::format("logo '{}' is an interlaced PNG, which the PDF library cannot draw",
                             logo);
      *hint = "save it without interlacing";
      return "";
    }
  }
  return path;
}

}  // namespace brief
