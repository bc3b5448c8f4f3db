#include "base/image_check.h"

#include <csetjmp>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <png.h>

#include "base/image_info.h"

namespace brief {

namespace {

// libpng's errors, caught: the message is kept and control returns to the
// setjmp in CheckPng (libpng's documented way; no C++ exception crosses C).
struct PngReader {
  const std::string& bytes;
  size_t pos = 8;  // After the signature, which the caller checked.
  std::string error;
};

void OnPngError(png_structp png, png_const_charp message) {
  auto* reader = static_cast<PngReader*>(png_get_error_ptr(png));
  reader->error = message;
  png_longjmp(png, 1);
}

// libharu treats libpng's warnings (a damaged ancillary chunk, say) as
// errors and refuses the image: so does the check.
void OnPngWarning(png_structp png, png_const_charp message) {
  auto* reader = static_cast<PngReader*>(png_get_error_ptr(png));
  if (reader->error.empty()) reader->error = message;
}

void ReadPngBytes(png_structp png, png_bytep out, png_size_t length) {
  auto* reader = static_cast<PngReader*>(png_get_io_ptr(png));
  if (reader->bytes.size() - reader->pos < length) png_error(png, "the file ends too early");
  std::memcpy(out, reader->bytes.data() + reader->pos, length);
  reader->pos += length;
}

bool CheckPng(const std::string& bytes, const ImageLimits& limits, int* width, int* height,
              std::string* problem, std::string* hint) {
  // The PNG standard puts IHDR first; libpng tolerates other chunks before
  // it, libharu does not.
  if (bytes.size() < 33 || bytes.compare(12, 4, "IHDR") != 0) {
    *problem = "is a damaged PNG: it does not start with its header chunk (IHDR)";
    *hint = "open it in an image editor and save it again";
    return false;
  }
  // The size the header claims, judged before any decoding: a small file
  // may claim a huge image (a "logo bomb").
  int claimed_w = 0, claimed_h = 0;
  if (ImagePixelSize(bytes, &claimed_w, &claimed_h) &&
      (static_cast<long long>(claimed_w) * claimed_h > limits.max_pixels ||
       claimed_w > limits.max_side || claimed_h > limits.max_side)) {
    *problem = fmt::format("is {} × {} pixels; the limit for a logo is {} megapixels", claimed_w,
                           claimed_h, limits.max_pixels / (1024 * 1024));
    *hint = "scale it down; a logo is drawn about 2 cm tall";
    return false;
  }
  PngReader reader{bytes, 8, ""};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, OnPngError, OnPngWarning);
  if (!png) {
    *problem = "cannot start the PNG decoder (out of memory)";
    return false;
  }
  png_infop info = png_create_info_struct(png);
  std::vector<png_byte> row;
  volatile bool ok = false;  // Read after a longjmp.
  if (info && setjmp(png_jmpbuf(png)) == 0) {
    png_set_read_fn(png, &reader, ReadPngBytes);
    png_set_sig_bytes(png, 8);
    png_set_user_limits(png, static_cast<png_uint_32>(limits.max_side),
                        static_cast<png_uint_32>(limits.max_side));
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int depth = png_get_bit_depth(png, info);
    int interlace = png_get_interlace_type(png, info);
    if (static_cast<long long>(w) * h > limits.max_pixels) {
      *problem = fmt::format("is {} × {} pixels; the limit for a logo is {} megapixels", w, h,
                             limits.max_pixels / (1024 * 1024));
      *hint = "scale it down; a logo is drawn about 2 cm tall";
    } else if (depth == 16) {
      *problem = "is a 16-bit PNG, which the PDF library cannot draw";
      *hint = "save it as an 8-bit PNG";
    } else if (interlace != PNG_INTERLACE_NONE) {
      *problem = "is an interlaced PNG, which the PDF library cannot draw";
      *hint = "save it without interlacing";
    } else {
      // Every row, then the chunks after the image: their CRCs are checked
      // and the image data must inflate to exactly the rows declared.
      row.resize(png_get_rowbytes(png, info));
      for (png_uint_32 y = 0; y < h; ++y) png_read_row(png, row.data(), nullptr);
      png_read_end(png, nullptr);
      if (!reader.error.empty()) {
        *problem = "is a damaged PNG: " + reader.error;
        *hint = "open it in an image editor and save it again";
      } else {
        *width = static_cast<int>(w);
        *height = static_cast<int>(h);
        ok = true;
      }
    }
  } else if (info) {
    *problem = "is a damaged PNG: " + reader.error;
    *hint = "open it in an image editor and save it again";
  }
  png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
  return ok;
}

bool CheckJpeg(const std::string& bytes, const ImageLimits& limits, int* width, int* height,
               std::string* problem, std::string* hint) {
  auto byte = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
  auto be16 = [&](size_t i) { return (byte(i) << 8) | byte(i + 1); };
  *hint = "open it in an image editor and save it again";
  bool frame = false, scan = false;
  size_t i = 2;  // After SOI.
  while (true) {
    if (i + 1 >= bytes.size()) {
      *problem = "is a damaged JPEG: it ends before its end marker";
      return false;
    }
    if (byte(i) != 0xFF) {
      *problem = fmt::format("is a damaged JPEG: no marker at byte {}", i);
      return false;
    }
    unsigned marker = byte(i + 1);
    // Up to the frame header, libharu reads every marker as FF xx and a
    // length, with no fill bytes or markers without a length between: the
    // walk there is as strict as libharu.
    if (marker == 0xFF) {  // Fill byte.
      if (!frame) {
        *problem = "is a JPEG with fill bytes before its frame header, which the PDF library cannot read";
        *hint = "save it again with an image editor";
        return false;
      }
      ++i;
      continue;
    }
    if (marker == 0xD9) break;  // EOI.
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // No length.
      if (!frame) {
        *problem = fmt::format("is a damaged JPEG: marker FF{:02X} before its frame header", marker);
        return false;
      }
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.size()) {
      *problem = "is a damaged JPEG: a marker segment is cut off";
      return false;
    }
    size_t length = be16(i + 2);
    if (length < 2 || i + 2 + length > bytes.size()) {
      *problem = "is a damaged JPEG: a marker segment is cut off";
      return false;
    }
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && !frame && marker > 0xC2) {
      // libharu takes baseline, extended and progressive Huffman frames.
      *problem = fmt::format("is a JPEG of a kind (frame FF{:02X}: lossless, hierarchical or arithmetic-"
                             "coded) the PDF library cannot draw", marker);
      *hint = "save it as an ordinary (baseline or progressive) JPEG";
      return false;
    }
    if (sof && !frame) {
      if (length < 8) {
        *problem = "is a damaged JPEG: its frame header is too short";
        return false;
      }
      int precision = static_cast<int>(byte(i + 4));
      int h = static_cast<int>(be16(i + 5)), w = static_cast<int>(be16(i + 7));
      int components = static_cast<int>(byte(i + 9));
      if (w == 0 || h == 0) {
        *problem = fmt::format("is a JPEG of {} × {} pixels", w, h);
        return false;
      }
      if (precision != 8 || (components != 1 && components != 3 && components != 4)) {
        *problem = fmt::format("is a {}-bit JPEG with {} colour components, which the PDF "
                               "library cannot draw", precision, components);
        *hint = "save it as an ordinary 8-bit RGB, greyscale or CMYK JPEG";
        return false;
      }
      if (static_cast<long long>(w) * h > limits.max_pixels || w > limits.max_side ||
          h > limits.max_side) {
        *problem = fmt::format("is {} × {} pixels; the limit for a logo is {} megapixels", w, h,
                               limits.max_pixels / (1024 * 1024));
        *hint = "scale it down; a logo is drawn about 2 cm tall";
        return false;
      }
      *width = w;
      *height = h;
      frame = true;
    }
    i += 2 + length;
    if (marker == 0xDA) {  // SOS: entropy-coded data up to the next marker.
      if (!frame) {
        *problem = "is a damaged JPEG: image data comes before the frame header";
        return false;
      }
      size_t data = i;
      while (i + 1 < bytes.size() &&
             !(byte(i) == 0xFF && byte(i + 1) != 0x00 && !(byte(i + 1) >= 0xD0 && byte(i + 1) <= 0xD7))) {
        ++i;
      }
      if (i == data) {
        *problem = "is a damaged JPEG: a scan has no image data";
        return false;
      }
      scan = true;
    }
  }
  if (!frame || !scan) {
    *problem = "is a damaged JPEG: it has no image in it";
    return false;
  }
  hint->clear();
  return true;
}

}  // namespace

bool CheckImage(const std::string& bytes, const ImageLimits& limits, int* width, int* height,
                std::string* problem, std::string* hint) {
  if (bytes.size() > limits.max_bytes) {
    constexpr size_t kMb = 1024 * 1024;
    *problem = limits.max_bytes % kMb == 0
                   ? fmt::format("is larger than {} MB, the limit for a logo", limits.max_bytes / kMb)
                   : fmt::format("is larger than {} bytes, the limit for a logo", limits.max_bytes);
    *hint = "scale it down or compress it";
    return false;
  }
  switch (SniffImage(bytes)) {
    case ImageType::kPng:
      return CheckPng(bytes, limits, width, height, problem, hint);
    case ImageType::kJpeg:
      return CheckJpeg(bytes, limits, width, height, problem, hint);
    case ImageType::kUnknown:
      break;
  }
  *problem = "is not a PNG or JPEG image (judged by its content)";
  *hint = "convert it to PNG or JPEG";
  return false;
}

}  // namespace brief
