// libFuzzer target: any bytes as a logo. What the logo check passes is
// handed to libharu, as rendering does: libharu's libpng error handler
// aborts the process, so an image the check wrongly passes is a finding.
#include <cstdint>
#include <string>

#include <hpdf.h>

#include "base/image_check.h"
#include "base/image_info.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  brief::ImageLimits limits;
  limits.max_pixels = 1 << 20;  // Keeps each run fast; the checks are the same.
  int w = 0, h = 0;
  std::string problem, hint;
  if (!brief::CheckImage(bytes, limits, &w, &h, &problem, &hint)) return 0;
  HPDF_Doc pdf = HPDF_New([](HPDF_STATUS, HPDF_STATUS, void*) {}, nullptr);
  if (!pdf) return 0;
  const auto* p = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  HPDF_Image image = brief::SniffImage(bytes) == brief::ImageType::kPng
                         ? HPDF_LoadPngImageFromMem(pdf, p, static_cast<HPDF_UINT>(size))
                         : HPDF_LoadJpegImageFromMem(pdf, p, static_cast<HPDF_UINT>(size));
  // A checked image must load.
  if (!image) __builtin_trap();
  HPDF_Free(pdf);
  return 0;
}
