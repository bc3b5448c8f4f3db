// Reading and writing the files of the cache folder ($XDG_CACHE_HOME/brief),
// whatever another program or a damaged disk left at their names.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

namespace brief {

// A cache file's text: `header` (its own line, naming the format and
// version), `body`, and a last line "sha256 <hex>\n" of everything before it.
std::string SealCacheText(std::string_view header, std::string_view body);

// The body of SealCacheText's text, when it starts with `header` and its
// checksum holds; false for anything else (truncated, edited, another
// format or version).
bool UnsealCacheText(std::string_view text, std::string_view header, std::string_view* body);

// Reads a decimal number that `end` follows from the front of *in, and
// removes both; false (with *in as it was) if none is there.
template <typename T>
bool TakeNumber(std::string_view* in, T* value, char end) {
  auto [p, ec] = std::from_chars(in->data(), in->data() + in->size(), *value);
  if (ec != std::errc() || p == in->data() + in->size() || *p != end) return false;
  in->remove_prefix(static_cast<size_t>(p - in->data()) + 1);
  return true;
}

// Reads the regular file at `path` into *bytes. False, without blocking,
// for anything else: missing, unreadable, a folder, a FIFO or a device.
bool ReadCacheFile(const std::string& path, std::string* bytes);

// Writes a cache file atomically. What stands at `path` and is not a
// readable regular file (an unreadable file, a FIFO, a link, an empty
// folder) is removed first, so the new file is whole and readable
// (0644 less the umask) rather than taking over a bad file's mode. False
// when it cannot be written, which costs only speed.
bool WriteCacheFile(const std::string& path, const std::string& bytes);

}  // namespace brief
