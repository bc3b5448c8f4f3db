// A logo image checked all the way through before the PDF library sees it:
// libharu hands PNGs to libpng with an error handler that aborts the
// process, and embeds JPEGs without decoding them. An image that passes
// here decodes completely, so neither can happen.
#pragma once

#include <string>

namespace brief {

// Limits for a logo (docs/brief-format.md).
struct ImageLimits {
  size_t max_bytes = 8 * 1024 * 1024;     // File size.
  long long max_pixels = 16 * 1024 * 1024;  // Width × height: a 4096 × 4096 image.
  int max_side = 16384;                   // Width or height.
};

// Checks a PNG or JPEG file's bytes (more than max_bytes of them: too large). A PNG is decoded completely with
// libpng (every chunk's CRC, IHDR, a palette for palette images, image data
// that inflates to exactly the declared rows); a JPEG's markers are walked
// (a frame with a size and 8-bit samples, a scan with data, an end). Also
// refuses what libharu 2.3.0 draws wrong (16-bit or interlaced PNG) and
// images over the limits. Returns true, or false with *problem (and maybe
// *hint) in words for the author; *width and *height are set when true.
bool CheckImage(const std::string& bytes, const ImageLimits& limits, int* width, int* height,
                std::string* problem, std::string* hint);

}  // namespace brief
