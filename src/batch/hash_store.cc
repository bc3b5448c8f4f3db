#include "batch/hash_store.h"

#include <fmt/format.h>

#include "base/sha256.h"
#include "output/cache_file.h"

namespace brief {

namespace {

constexpr std::string_view kHeader = "brief file hashes 1\n";

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::map<std::string, StoredHash> ReadStore(const std::string& file) {
  std::map<std::string, StoredHash> entries;
  if (file.empty()) return entries;
  std::string text;
  if (ReadCacheFile(file, &text)) ParseHashStore(text, &entries);
  return entries;
}

}  // namespace

std::string FormatHashStore(const std::map<std::string, StoredHash>& entries) {
  std::string out;
  for (const auto& [path, e] : entries) {
    // A path with a line break cannot be stored; it is hashed every time.
    if (path.find('\n') != std::string::npos || path.empty()) continue;
    out += fmt::format("{} {} {} {} {} {} {}\n", e.sha256, e.stamp.device, e.stamp.inode, e.stamp.size,
                       e.stamp.mtime_ns, e.stamp.ctime_ns, path);
  }
  return SealCacheText(kHeader, out);
}

bool ParseHashStore(std::string_view text, std::map<std::string, StoredHash>* entries) {
  entries->clear();
  std::string_view body;
  if (!UnsealCacheText(text, kHeader, &body)) return false;
  std::map<std::string, StoredHash> out;
  while (!body.empty()) {
    size_t end = body.find('\n');
    if (end == std::string_view::npos) return false;
    std::string_view line = body.substr(0, end);
    body.remove_prefix(end + 1);
    StoredHash e;
    if (line.size() < 65 || !IsHex64(line.substr(0, 64)) || line[64] != ' ') return false;
    e.sha256 = std::string(line.substr(0, 64));
    line.remove_prefix(65);
    if (!TakeNumber(&line, &e.stamp.device, ' ') || !TakeNumber(&line, &e.stamp.inode, ' ') ||
        !TakeNumber(&line, &e.stamp.size, ' ') || !TakeNumber(&line, &e.stamp.mtime_ns, ' ') ||
        !TakeNumber(&line, &e.stamp.ctime_ns, ' ') || line.empty()) {
      return false;
    }
    out[std::string(line)] = std::move(e);
  }
  *entries = std::move(out);
  return true;
}

HashStore::HashStore(std::string file) : file_(std::move(file)), entries_(ReadStore(file_)) {}

const std::string* HashStore::Find(const std::string& path, const FileStamp& stamp) const {
  for (const auto* map : {&added_, &entries_}) {
    auto it = map->find(path);
    if (it != map->end() && it->second.stamp == stamp) return &it->second.sha256;
  }
  return nullptr;
}

void HashStore::Put(const std::string& path, const FileStamp& stamp, const std::string& sha256,
                    long long now_ns) {
  if (file_.empty() || !IsHex64(sha256)) return;
  if (now_ns - std::max(stamp.mtime_ns, stamp.ctime_ns) < kRacyNanoseconds) return;
  added_[path] = {stamp, sha256};
}

bool HashStore::Save(const FileSystem& fs, std::string* error) {
  if (file_.empty() || added_.empty()) return true;
  std::map<std::string, StoredHash> merged = ReadStore(file_);
  for (auto& [path, e] : added_) merged[path] = e;
  for (auto it = merged.begin(); it != merged.end();) {
    FileStamp now;
    bool current = fs.Stamp(it->first, &now) && now == it->second.stamp;
    it = current ? std::next(it) : merged.erase(it);
  }
  if (!WriteCacheFile(file_, FormatHashStore(merged))) {
    *error = "cannot write " + file_;
    return false;
  }
  entries_ = std::move(merged);
  added_.clear();
  return true;
}

std::string CacheDirectory(const EnvLookup& env) {
  const char* xdg = env("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/brief";
  const char* home = env("HOME");
  if (home && home[0] == '/') return std::string(home) + "/.cache/brief";
  return "";
}

}  // namespace brief
