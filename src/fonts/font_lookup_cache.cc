#include "fonts/font_lookup_cache.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include "base/sha256.h"
#include "output/cache_file.h"

namespace brief {

namespace {


constexpr std::string_view kHeader = "brief font lookups 1\n";

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v && v[0] == '/' ? v : "";
}

// "path mtime" for a folder and, when `deep`, every folder under it, found
// with readdir's entry types (no stat of the fonts themselves).
void ListFolder(const std::string& dir, bool deep, std::string* out) {
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *out += dir + " -\n";
    return;
  }
  *out += fmt::format("{} {} {}\n", dir, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  if (!deep) return;
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> subdirs;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0))) continue;
    std::string path = dir + "/" + e->d_name;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      struct stat s;
      is_dir = stat(path.c_str(), &s) == 0 && S_ISDIR(s.st_mode);
    }
    if (is_dir) subdirs.push_back(std::move(path));
  }
  closedir(d);
  std::sort(subdirs.begin(), subdirs.end());
  for (const std::string& sub : subdirs) ListFolder(sub, true, out);
}

bool Field(std::string_view* line, std::string* value) {
  size_t tab = line->find('\t');
  if (tab == std::string_view::npos) return false;
  *value = std::string(line->substr(0, tab));
  line->remove_prefix(tab + 1);
  return true;
}

bool Storable(const std::string& s) { return s.find('\t') == std::string::npos && s.find('\n') == std::string::npos; }

}  // namespace

std::string FontFoldersSignature(const std::string& fonts_dir) {
  std::string home = Env("HOME");
  std::string data = Env("XDG_DATA_HOME"), cache = Env("XDG_CACHE_HOME");
  if (data.empty() && !home.empty()) data = home + "/.local/share";
  if (cache.empty() && !home.empty()) cache = home + "/.cache";
  std::string listing;
  for (const std::string& root : {std::string("/usr/share/fonts"), std::string("/usr/local/share/fonts"),
                                  data.empty() ? "" : data + "/fonts", home.empty() ? "" : home + "/.fonts"}) {
    if (!root.empty()) ListFolder(root, true, &listing);
  }
  for (const std::string& root : {std::string("/var/cache/fontconfig"), cache.empty() ? "" : cache + "/fontconfig"}) {
    if (!root.empty()) ListFolder(root, false, &listing);
  }
  // The template's fonts folder: its files are matched by their contents.
  listing += "fonts " + fonts_dir + "\n";
  DiskFileSystem disk;
  if (!fonts_dir.empty() && disk.Kind(fonts_dir) == PathKind::kDirectory) {
    std::vector<std::string> names;
    std::string error;
    disk.List(fonts_dir, &names, &error);
    for (const std::string& name : names) {
      FileStamp s;
      if (disk.Stamp(fonts_dir + "/" + name, &s)) {
        listing += fmt::format("{} {} {} {} {}\n", name, s.inode, s.size, s.mtime_ns, s.ctime_ns);
      }
    }
  }
  return Sha256Hex(listing);
}

const std::string& FontLookupCache::Signature(const std::string& fonts_dir) {
  auto it = signatures_.find(fonts_dir);
  if (it == signatures_.end()) it = signatures_.emplace(fonts_dir, FontFoldersSignature(fonts_dir)).first;
  return it->second;
}

std::map<FontLookupCache::Key, FontLookupCache::Entry> FontLookupCache::ReadStore() const {
  std::map<Key, Entry> out;
  std::string text;
  if (!ReadCacheFile(file_, &text)) return out;
  std::string_view body;
  if (!UnsealCacheText(text, kHeader, &body)) return out;
  std::map<Key, Entry> entries;
  while (!body.empty()) {
    size_t end = body.find('\n');
    if (end == std::string_view::npos) return out;
    std::string_view line = body.substr(0, end);
    body.remove_prefix(end + 1);
    Entry e;
    std::string name, dir;
    if (!Field(&line, &e.signature) || !TakeNumber(&line, &e.stamp.device, ' ') || !TakeNumber(&line, &e.stamp.inode, ' ') ||
        !TakeNumber(&line, &e.stamp.size, ' ') || !TakeNumber(&line, &e.stamp.mtime_ns, ' ') ||
        !TakeNumber(&line, &e.stamp.ctime_ns, '\t') || !TakeNumber(&line, &e.where.index, '\t') || !Field(&line, &name) ||
        !Field(&line, &dir) || line.empty()) {
      return out;
    }
    e.where.path = std::string(line);
    entries[{name, dir}] = std::move(e);
  }
  return entries;
}

bool FontLookupCache::Find(const std::string& name, const std::string& fonts_dir, FontLocation* found) {
  if (file_.empty()) return false;
  if (!read_) {
    entries_ = ReadStore();
    read_ = true;
  }
  auto it = entries_.find({name, fonts_dir});
  if (it == entries_.end() || it->second.signature != Signature(fonts_dir)) return false;
  FileStamp now;
  if (!DiskFileSystem().Stamp(it->second.where.path, &now) || !(now == it->second.stamp)) return false;
  *found = it->second.where;
  return true;
}

void FontLookupCache::Put(const std::string& name, const std::string& fonts_dir, const FontLocation& where) {
  if (file_.empty() || !Storable(name) || !Storable(fonts_dir) || !Storable(where.path) || where.path.empty()) return;
  Entry e{Signature(fonts_dir), {}, where};
  if (!DiskFileSystem().Stamp(where.path, &e.stamp)) return;
  entries_[{name, fonts_dir}] = e;
  added_[{name, fonts_dir}] = e;
}

void FontLookupCache::Save() {
  if (file_.empty() || added_.empty()) return;
  std::map<Key, Entry> merged = ReadStore();  // Another run may have saved since.
  for (const auto& [key, e] : added_) merged[key] = e;
  added_.clear();
  std::string text;
  for (const auto& [key, entry] : merged) {
    const FileStamp& s = entry.stamp;
    text += fmt::format("{}\t{} {} {} {} {}\t{}\t{}\t{}\t{}\n", entry.signature, s.device, s.inode, s.size,
                        s.mtime_ns, s.ctime_ns, entry.where.index, key.first, key.second, entry.where.path);
  }
  WriteCacheFile(file_, SealCacheText(kHeader, text));
}

}  // namespace brief
