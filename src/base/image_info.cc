#include "base/image_info.h"

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

}  // namespace brief
