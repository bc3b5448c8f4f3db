#include "base/image_check.h"

#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace brief;

namespace {

std::string Bytes(const std::string& name) {
  std::ifstream in("tests/images/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "" when the image passes, else the problem.
std::string Problem(const std::string& name, ImageLimits limits = {}) {
  int w = 0, h = 0;
  std::string problem, hint;
  bool ok = CheckImage(Bytes(name), limits, &w, &h, &problem, &hint);
  return ok ? "" : problem;
}

}  // namespace

TEST_CASE("image check: whole PNGs and JPEGs pass with their size") {
  int w = 0, h = 0;
  std::string problem, hint;
  CHECK(CheckImage(Bytes("good.png"), {}, &w, &h, &problem, &hint));
  CHECK(w == 16);
  CHECK(h == 12);
  CHECK(CheckImage(Bytes("good.jpg"), {}, &w, &h, &problem, &hint));
  CHECK(w > 0);
}

TEST_CASE("image check: damaged PNGs are refused with a reason, never an abort") {
  CHECK(Problem("bad-crc.png") == "is a damaged PNG: IDAT: CRC error");
  CHECK(Problem("truncated.png") == "is a damaged PNG: the file ends too early");
  CHECK(Problem("palette-without-plte.png") == "is a damaged PNG: IDAT: Missing PLTE before IDAT");
  CHECK(Problem("huge-ihdr.png") == "is 100000 × 100000 pixels; the limit for a logo is 16 megapixels");
  CHECK(Problem("short-data.png").rfind("is a damaged PNG: ", 0) == 0);
  CHECK(Problem("sixteen-bit.png") == "is a 16-bit PNG, which the PDF library cannot draw");
  // Found by fuzz_image: a chunk before IHDR, which libpng reads and libharu refuses.
  std::string first_chunk;
  {
    std::ifstream in("tests/fuzz/regressions/image/png-chunk-before-ihdr.png", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    first_chunk = s.str();
  }
  int w = 0, h = 0;
  std::string problem, hint;
  CHECK_FALSE(CheckImage(first_chunk, {}, &w, &h, &problem, &hint));
  CHECK(problem == "is a damaged PNG: it does not start with its header chunk (IHDR)");
  // Also found by fuzz_image: damaged ancillary chunks, a warning for libpng
  // that libharu takes for an error.
  std::ifstream in("tests/fuzz/regressions/image/png-damaged-ancillary-chunk.png", std::ios::binary);
  std::stringstream ancillary;
  ancillary << in.rdbuf();
  CHECK_FALSE(CheckImage(ancillary.str(), {}, &w, &h, &problem, &hint));
  CHECK(problem.rfind("is a damaged PNG: ", 0) == 0);
  CHECK(Problem("too-many-pixels.png") == "is 5000 × 5000 pixels; the limit for a logo is 16 megapixels");
}

TEST_CASE("image check: JPEGs without image data, of no size, or not JPEG at all are refused") {
  CHECK(Problem("frame-only.jpg") == "is a damaged JPEG: it has no image in it");
  CHECK(Problem("zero-size.jpg") == "is a JPEG of 0 × 0 pixels");
  CHECK(Problem("text.jpg") == "is a damaged JPEG: a marker segment is cut off");
  CHECK(Problem("make.py") == "is not a PNG or JPEG image (judged by its content)");
  ImageLimits small;
  small.max_bytes = 100;
  CHECK(Problem("good.jpg", small) == "is larger than 100 bytes, the limit for a logo");
}
