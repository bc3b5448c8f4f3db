#include "batch/freshness.h"

#include <chrono>

#include "base/sha256.h"

namespace brief {

const std::string& HashCache::Get(const std::string& path) {
  auto it = hashes_.find(path);
  if (it != hashes_.end()) return it->second;
  FileStamp before;
  bool stored = store_ && fs_.Stamp(path, &before) && before.size >= kStoredHashMinBytes;
  if (stored) {
    if (const std::string* hash = store_->Find(path, before)) return hashes_.emplace(path, *hash).first->second;
  }
  // Streamed: fonts are the largest files hashed (a CJK font is 4 MB and
  // more), and are never held whole for it.
  Sha256Stream sha;
  std::string error, hash;
  if (fs_.Stream(path, [&](const char* data, size_t size) { sha.Add(data, size); }, &error)) {
    hash = sha.Finish();
    // Stored only if the file did not change while it was read.
    FileStamp after;
    if (stored && fs_.Stamp(path, &after) && after == before) {
      auto now = std::chrono::system_clock::now().time_since_epoch();
      store_->Put(path, before, hash, std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
    }
  }
  return hashes_.emplace(path, std::move(hash)).first->second;
}

bool IsUpToDate(const ManifestEntry& entry, const std::string& config, const std::string& input,
                const std::string& pdf_path, HashCache* hashes) {
  if (entry.status == BriefStatus::kFailed || entry.sha256.empty()) return false;
  if (entry.config_sha256 != config) return false;
  if (NormalizePath(entry.input) != NormalizePath(input)) return false;
  if (entry.dependencies.empty()) return false;  // The brief itself is always one.
  for (const Dependency& d : entry.dependencies) {
    if (hashes->Get(d.file) != d.sha256) return false;
  }
  return hashes->Get(pdf_path) == entry.sha256;
}

}  // namespace brief
