// Big-endian integers in binary formats (fonts, PNG, JPEG), read from bytes
// the caller has checked are there.
#pragma once

#include <cstdint>

namespace brief {

inline uint16_t BigEndian16(const char* p) {
  return static_cast<uint16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1]));
}

inline uint32_t BigEndian32(const char* p) {
  return (static_cast<uint32_t>(BigEndian16(p)) << 16) | BigEndian16(p + 2);
}

}  // namespace brief
