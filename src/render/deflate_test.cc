#include "render/deflate.h"

#include <libdeflate.h>

#include <doctest/doctest.h>

using namespace brief;

namespace {

std::string Inflate(const std::string& packed, size_t size) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::string out(size, '\0');
  size_t got = 0;
  libdeflate_result r = libdeflate_zlib_decompress(d, packed.data(), packed.size(), out.data(), out.size(), &got);
  libdeflate_free_decompressor(d);
  REQUIRE(r == LIBDEFLATE_SUCCESS);
  out.resize(got);
  return out;
}

}  // namespace

TEST_CASE("deflate: zlib format that inflates back, at every level, the same bytes each time") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "BT /F0 8.6 Tf 1 0 0 1 36 " + std::to_string(i) + " Tm <0041> Tj ET\n";
  for (int level : {1, 6, 12}) {
    std::string packed = Deflate(text, level);
    REQUIRE(packed.size() > 2);
    CHECK(static_cast<unsigned char>(packed[0]) == 0x78);  // zlib: deflate, 32 KB window.
    CHECK((static_cast<unsigned char>(packed[0]) * 256 + static_cast<unsigned char>(packed[1])) % 31 == 0);
    CHECK(packed.size() < text.size() / 5);
    CHECK(Inflate(packed, text.size()) == text);
    CHECK(Deflate(text, level) == packed);
  }
  CHECK(Deflate(text, 1).size() > Deflate(text, 12).size());
  CHECK(Inflate(Deflate("", 6), 0).empty());
}
