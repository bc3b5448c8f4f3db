#include "batch/freshness.h"

#include "base/sha256.h"

namespace brief {

const std::string& HashCache::Get(const std::string& path) {
  auto it = hashes_.find(path);
  if (it != hashes_.end()) return it->second;
  // Fonts are the largest files read here (a CJK collection is ~20 MB).
  constexpr size_t kMaxBytes = size_t{1} << 30;
  std::string bytes, error;
  std::string hash;
  if (fs_.Read(path, kMaxBytes, &bytes, &error) && bytes.size() <= kMaxBytes) hash = Sha256Hex(bytes);
  return hashes_.emplace(path, std::move(hash)).first->second;
}

bool IsUpToDate(const ManifestEntry& entry, const std::string& input, const std::string& pdf_path,
                HashCache* hashes) {
  if (entry.status == BriefStatus::kFailed || entry.sha256.empty()) return false;
  if (NormalizePath(entry.input) != NormalizePath(input)) return false;
  if (entry.dependencies.empty()) return false;  // The brief itself is always one.
  for (const Dependency& d : entry.dependencies) {
    if (hashes->Get(d.file) != d.sha256) return false;
  }
  return hashes->Get(pdf_path) == entry.sha256;
}

}  // namespace brief
