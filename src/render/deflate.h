// Deflate for PDF streams (/FlateDecode: the zlib format, RFC 1950), by
// libdeflate, and stream dictionaries that carry bytes compressed here.
//
// libharu 2.3 deflates with zlib at level 6 in 4 KB chunks, and that was
// about a third of a brief's instructions; libdeflate compresses the same
// streams in about half the time, a little smaller, and lets each stream
// choose its level.
#pragma once

#include <string>
#include <string_view>

#include <hpdf.h>

namespace brief {

// `bytes` in the zlib format at `level` (1 fastest .. 12 smallest); the same
// input and level give the same bytes. Empty on an allocation failure.
std::string Deflate(std::string_view bytes, int level);

// Puts `bytes`, deflated at `level`, into the stream dictionary `dict` in
// place of its content, and makes libharu write it unchanged with
// /Filter /FlateDecode (libharu computes /Length). False when libharu or
// the compressor failed.
bool PutDeflated(HPDF_Dict dict, std::string_view bytes, int level);

// The bytes written so far into a libharu memory stream.
std::string MemStreamBytes(HPDF_Stream stream);

}  // namespace brief
