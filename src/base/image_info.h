// What an image file is, from its bytes: type and pixel size.
#pragma once

#include <string>

namespace brief {

enum class ImageType { kUnknown, kPng, kJpeg };

// The image type by content (magic bytes), not by name.
ImageType SniffImage(const std::string& head);

// Pixel size of a PNG (from IHDR) or JPEG (from its first SOFn marker)
// given the file's bytes; false when it cannot be found.
bool ImagePixelSize(const std::string& bytes, int* width, int* height);

}  // namespace brief
