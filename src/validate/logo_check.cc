#include "validate/logo_check.h"

#include <fmt/format.h>

namespace brief {

ImageType SniffImage(const std::string& head) {
  if (head.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return ImageType::kPng;
  if (head.rfind("\xFF\xD8\xFF", 0) == 0) return ImageType::kJpeg;
  return ImageType::kUnknown;
}

bool ImagePixelSize(const std::string& bytes, int* width, int* height) {
  auto byte = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
  auto be16 = [&](size_t i) { return (byte(i) << 8) | byte(i + 1); };
  auto be32 = [&](size_t i) { return (be16(i) << 16) | be16(i + 2); };
  switch (SniffImage(bytes)) {
    case ImageType::kPng:
      if (bytes.size() < 24) return false;
      *width = static_cast<int>(be32(16));
      *height = static_cast<int>(be32(20));
      return *width > 0 && *height > 0;
    case ImageType::kJpeg: {
      // Walk the marker segments: FF xx, then a 2-byte length (which counts
      // itself). SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry
      // precision(1), height(2), width(2).
      size_t i = 2;
      while (i + 9 < bytes.size()) {
        if (byte(i) != 0xFF) return false;
        unsigned marker = byte(i + 1);
        if (marker == 0xFF) {
          ++i;
          continue;
        }
        size_t length = be16(i + 2);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
          *height = static_cast<int>(be16(i + 5));
          *width = static_cast<int>(be16(i + 7));
          return *width > 0 && *height > 0;
        }
        i += 2 + length;
      }
      return false;
    }
    case ImageType::kUnknown:
      break;
  }
  return false;
}

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
