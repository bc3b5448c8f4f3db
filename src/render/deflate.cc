#include "render/deflate.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <memory>

namespace brief {

namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per level and thread: allocating one costs more than
// compressing a small stream.
libdeflate_compressor* Compressor(int level) {
  thread_local std::unique_ptr<libdeflate_compressor, FreeCompressor> by_level[13];
  auto& c = by_level[level];
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  return c.get();
}

// Writes the filter key for a dict whose content was deflated here; libharu
// drops any /Filter key of a dict whose own filter is none.
HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

std::string Deflate(std::string_view bytes, int level) {
  if (level < 1) level = 1;
  if (level > 12) level = 12;
  libdeflate_compressor* c = Compressor(level);
  if (!c) return {};
  std::string out(libdeflate_zlib_compress_bound(c, bytes.size()), '\0');
  size_t n = libdeflate_zlib_compress(c, bytes.data(), bytes.size(), out.data(), out.size());
  out.resize(n);  // The bound always suffices, so n > 0.
  return out;
}

bool PutDeflated(HPDF_Dict dict, std::string_view bytes, int level) {
  std::string packed = Deflate(bytes, level);
  if (packed.empty()) return false;
  HPDF_MemStream_FreeData(dict->stream);
  if (HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                        static_cast<HPDF_UINT>(packed.size())) != HPDF_OK) {
    return false;
  }
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = WriteFlateFilter;
  return true;
}

std::string MemStreamBytes(HPDF_Stream stream) {
  std::string out(HPDF_Stream_Size(stream), '\0');
  HPDF_UINT size = static_cast<HPDF_UINT>(out.size());
  if (size == 0 || HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
      HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(out.data()), &size) != HPDF_OK) {
    size = 0;
  }
  out.resize(size);
  return out;
}

}  // namespace brief
