// Reading and writing the files of the cache folder ($XDG_CACHE_HOME/brief),
// whatever another program or a damaged disk left at their names.
#pragma once

#include <string>

namespace brief {

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
