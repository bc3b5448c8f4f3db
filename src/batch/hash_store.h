// The SHA-256 of large input files (fonts), kept between runs so that a run
// does not read 20 MB of CJK fonts to learn they have not changed. An entry
// is trusted only while the file's stamp (device, inode, size, mtime and
// ctime) is the one it was hashed with; the store's text carries its own
// checksum, so a damaged or foreign file is ignored as a whole.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/filesystem.h"
#include "batch/shard.h"

namespace brief {

// Files smaller than this are hashed every time: cheap, and the store stays
// small however many briefs a machine renders.
constexpr unsigned long long kStoredHashMinBytes = 256 * 1024;

// A file modified this recently is not stored: a second write within the
// filesystem's timestamp granularity could leave the stamp unchanged (git's
// "racy clean" case).
constexpr long long kRacyNanoseconds = 2'000'000'000;

struct StoredHash {
  FileStamp stamp;
  std::string sha256;  // 64 lowercase hex digits.
};

// The store's text: a header line, one line per file (hash, stamp, path),
// and a last line with the SHA-256 of everything before it.
std::string FormatHashStore(const std::map<std::string, StoredHash>& entries);

// Parses FormatHashStore's text into *entries. False (and *entries empty)
// for anything else: another format version, a bad checksum, a bad line.
bool ParseHashStore(std::string_view text, std::map<std::string, StoredHash>* entries);

// A store in one file; a file "" is no store (every lookup misses, nothing
// is saved).
class HashStore {
 public:
  // Reads `file` if it is there and valid; a missing or invalid store
  // starts empty.
  explicit HashStore(std::string file);

  // The stored hash of `path` if it was taken of exactly this `stamp`.
  const std::string* Find(const std::string& path, const FileStamp& stamp) const;

  // Records a hash taken at `stamp`, unless the file changed less than
  // kRacyNanoseconds before `now_ns`.
  void Put(const std::string& path, const FileStamp& stamp, const std::string& sha256, long long now_ns);

  // When something was added: merges with the store as it is on disk now
  // (another run may have saved since), drops entries whose file is gone or
  // changed, and writes the store atomically (concurrent runs each write a
  // whole store; the last one stays). False with *error on failure, which
  // costs only speed.
  bool Save(const FileSystem& fs, std::string* error);

 private:
  std::string file_;
  std::map<std::string, StoredHash> entries_;
  std::map<std::string, StoredHash> added_;
};

// The folder for this program's caches: $XDG_CACHE_HOME/brief, else
// $HOME/.cache/brief (relative values are ignored, as XDG says); "" when
// neither is set.
std::string CacheDirectory(const EnvLookup& env);

}  // namespace brief
