#include "base/filesystem.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <system_error>

#include <sys/stat.h>

namespace brief {

namespace fs = std::filesystem;

PathKind DiskFileSystem::Kind(const std::string& path) const {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || st.type() == fs::file_type::not_found) return PathKind::kMissing;
  if (st.type() == fs::file_type::regular) return PathKind::kFile;
  if (st.type() == fs::file_type::directory) return PathKind::kDirectory;
  return PathKind::kOther;
}

bool DiskFileSystem::Read(const std::string& path, size_t max_bytes, std::string* contents,
                          std::string* error) const {
  PathKind kind = Kind(path);
  if (kind == PathKind::kMissing) {
    *error = "no such file";
    return false;
  }
  if (kind == PathKind::kDirectory) {
    *error = "is a directory, not a file";
    return false;
  }
  if (kind == PathKind::kOther) {
    *error = "is not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = errno ? std::strerror(errno) : "cannot be opened";
    if (!error->empty()) (*error)[0] = static_cast<char>(std::tolower((*error)[0]));
    return false;
  }
  contents->clear();
  char buffer[65536];
  while (contents->size() <= max_bytes) {
    in.read(buffer, sizeof buffer);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    contents->append(buffer, static_cast<size_t>(got));
  }
  if (in.bad()) {
    *error = "read failed";
    return false;
  }
  if (contents->size() > max_bytes + 1) contents->resize(max_bytes + 1);
  return true;
}

bool FileSystem::Stream(const std::string& path,
                        const std::function<void(const char* data, size_t size)>& sink,
                        std::string* error) const {
  std::string bytes;
  if (!Read(path, std::numeric_limits<size_t>::max() - 1, &bytes, error)) return false;
  sink(bytes.data(), bytes.size());
  return true;
}

bool DiskFileSystem::Stream(const std::string& path,
                            const std::function<void(const char* data, size_t size)>& sink,
                            std::string* error) const {
  if (Kind(path) != PathKind::kFile) {
    *error = Kind(path) == PathKind::kMissing ? "no such file" : "is not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot be opened";
    return false;
  }
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) sink(buffer, static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    *error = "read failed";
    return false;
  }
  return true;
}

bool DiskFileSystem::Stamp(const std::string& path, FileStamp* stamp) const {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  stamp->device = static_cast<unsigned long long>(st.st_dev);
  stamp->inode = static_cast<unsigned long long>(st.st_ino);
  stamp->size = static_cast<unsigned long long>(st.st_size);
  stamp->mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  stamp->ctime_ns = static_cast<long long>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  return true;
}

bool DiskFileSystem::List(const std::string& dir, std::vector<std::string>* names,
                          std::string* error) const {
  std::error_code ec;
  names->clear();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names->push_back(it->path().filename().string());
  }
  if (ec) {
    *error = ec.message();
    return false;
  }
  std::sort(names->begin(), names->end());
  return true;
}

bool DiskFileSystem::IsSymlink(const std::string& path) const {
  std::error_code ec;
  return fs::is_symlink(fs::symlink_status(path, ec));
}

std::string DiskFileSystem::Canonical(const std::string& path) const {
  std::error_code ec;
  fs::path p = fs::canonical(path, ec);
  return ec ? "" : p.string();
}

PathKind MemoryFileSystem::Kind(const std::string& path) const {
  std::string p = NormalizePath(path);
  if (files_.count(p) || unreadable_.count(p)) return PathKind::kFile;
  std::string prefix = p == "." ? "" : p + "/";
  for (const auto& [name, _] : files_) {
    if (name.compare(0, prefix.size(), prefix) == 0) return PathKind::kDirectory;
  }
  return PathKind::kMissing;
}

bool MemoryFileSystem::Read(const std::string& path, size_t max_bytes, std::string* contents,
                            std::string* error) const {
  std::string p = NormalizePath(path);
  if (auto it = unreadable_.find(p); it != unreadable_.end()) {
    *error = it->second;
    return false;
  }
  auto it = files_.find(p);
  if (it == files_.end()) {
    *error = Kind(p) == PathKind::kDirectory ? "is a directory, not a file" : "no such file";
    return false;
  }
  *contents = it->second.substr(0, max_bytes + 1);
  return true;
}

bool MemoryFileSystem::List(const std::string& dir, std::vector<std::string>* names,
                            std::string* error) const {
  std::string d = NormalizePath(dir);
  if (Kind(d) != PathKind::kDirectory) {
    *error = "no such directory";
    return false;
  }
  std::string prefix = d == "." ? "" : d + "/";
  names->clear();
  auto add = [&](const std::string& name) {
    if (name.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = name.substr(prefix.size());
    rest = rest.substr(0, rest.find('/'));
    if (names->empty() || names->back() != rest) names->push_back(rest);
  };
  for (const auto& [name, _] : files_) add(name);
  for (const auto& [name, _] : unreadable_) add(name);
  std::sort(names->begin(), names->end());
  names->erase(std::unique(names->begin(), names->end()), names->end());
  return true;
}

std::string MemoryFileSystem::Canonical(const std::string& path) const {
  std::string p = NormalizePath(path);
  return Kind(p) == PathKind::kMissing ? "" : "/" + p;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string FileStem(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string NormalizePath(const std::string& path) {
  bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out.empty() ? "." : out;
}

bool SamePath(const std::string& a, const std::string& b) {
  // Absolute first: weakly_canonical leaves a path relative when none of
  // it exists yet (a folder still to be made).
  auto resolved = [](const std::string& p) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal();
  };
  return resolved(a) == resolved(b);
}

PathKind OverlayFileSystem::Kind(const std::string& path) const {
  return files_.count(path) ? PathKind::kFile : base_.Kind(path);
}

bool OverlayFileSystem::Read(const std::string& path, size_t max_bytes, std::string* contents,
                             std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) return base_.Read(path, max_bytes, contents, error);
  *contents = it->second.substr(0, max_bytes + 1);
  return true;
}

bool OverlayFileSystem::Stream(const std::string& path,
                               const std::function<void(const char* data, size_t size)>& sink,
                               std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) return base_.Stream(path, sink, error);
  sink(it->second.data(), it->second.size());
  return true;
}

std::string OverlayFileSystem::Canonical(const std::string& path) const {
  return files_.count(path) ? path : base_.Canonical(path);
}

}  // namespace brief
