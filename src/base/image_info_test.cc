#include "base/image_info.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("image info: type and size come from the bytes, PNG and JPEG") {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\x64\x08\x02\0\0\0", 29);
  CHECK(SniffImage(png) == ImageType::kPng);
  int w = 0, h = 0;
  REQUIRE(ImagePixelSize(png, &w, &h));
  CHECK(w == 300);
  CHECK(h == 100);
  // SOI, an APP0 segment of length 4, then SOF0: precision 8, height 50, width 80.
  std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x00\x32\x00\x50\x03", 18);
  CHECK(SniffImage(jpeg) == ImageType::kJpeg);
  REQUIRE(ImagePixelSize(jpeg, &w, &h));
  CHECK(w == 80);
  CHECK(h == 50);
  CHECK(SniffImage("GIF89a") == ImageType::kUnknown);
  CHECK_FALSE(ImagePixelSize("GIF89a", &w, &h));
}
