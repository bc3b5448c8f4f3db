// The filesystem behind an interface, so loaders and tests can run in memory.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace brief {

// What a path names, as far as the program cares.
enum class PathKind { kMissing, kFile, kDirectory, kOther };

// What identifies one version of a file on disk without reading it: a file
// rewritten in any way (even with its old size and mtime put back) has a
// new ctime, and a file replaced has a new inode.
struct FileStamp {
  unsigned long long device = 0, inode = 0, size = 0;
  long long mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// Read-only access to files. Errors are returned as human-readable text
// (e.g. "permission denied"), never thrown.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // What `path` names, following symlinks.
  virtual PathKind Kind(const std::string& path) const = 0;

  // Reads at most max_bytes + 1 bytes of a regular file into *contents, so a
  // caller can tell "too large" without reading a huge file. Returns false and
  // sets *error on failure.
  virtual bool Read(const std::string& path, size_t max_bytes, std::string* contents,
                    std::string* error) const = 0;

  // Names (not paths) of the entries of a directory, sorted; false on error.
  virtual bool List(const std::string& dir, std::vector<std::string>* names,
                    std::string* error) const = 0;

  // Passes a regular file's bytes to `sink` in pieces, so that a large file
  // (a font) can be hashed without holding it whole. False with *error on
  // failure. The default reads the file whole.
  virtual bool Stream(const std::string& path,
                      const std::function<void(const char* data, size_t size)>& sink,
                      std::string* error) const;

  // The path with symlinks and "." / ".." resolved; "" if it does not exist.
  virtual std::string Canonical(const std::string& path) const = 0;

  // True when the path itself is a symbolic link (not followed).
  virtual bool IsSymlink(const std::string&) const { return false; }

  // The stamp of a regular file (symlinks followed), or false when it has
  // none: missing, not a file, or not on a disk (in memory).
  virtual bool Stamp(const std::string&, FileStamp*) const { return false; }
};

// The real disk.
class DiskFileSystem : public FileSystem {
 public:
  PathKind Kind(const std::string& path) const override;
  bool Read(const std::string& path, size_t max_bytes, std::string* contents,
            std::string* error) const override;
  bool List(const std::string& dir, std::vector<std::string>* names,
            std::string* error) const override;
  bool Stream(const std::string& path, const std::function<void(const char* data, size_t size)>& sink,
              std::string* error) const override;
  std::string Canonical(const std::string& path) const override;
  bool IsSymlink(const std::string& path) const override;
  bool Stamp(const std::string& path, FileStamp* stamp) const override;
};

// An in-memory tree for tests: files by path, directories implied by them.
// Paths are used as given (no symlinks); Canonical normalises "." and "..".
class MemoryFileSystem : public FileSystem {
 public:
  void Add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  // Makes the file exist but fail to read with `error`.
  void AddUnreadable(const std::string& path, std::string error) { unreadable_[path] = error; }

  PathKind Kind(const std::string& path) const override;
  bool Read(const std::string& path, size_t max_bytes, std::string* contents,
            std::string* error) const override;
  bool List(const std::string& dir, std::vector<std::string>* names,
            std::string* error) const override;
  std::string Canonical(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> unreadable_;
};

// Another FileSystem with some files replaced or added in memory: a brief
// read from standard input is a file of this name for the whole run.
class OverlayFileSystem : public FileSystem {
 public:
  explicit OverlayFileSystem(const FileSystem& base) : base_(base) {}
  void Add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }

  PathKind Kind(const std::string& path) const override;
  bool Read(const std::string& path, size_t max_bytes, std::string* contents,
            std::string* error) const override;
  bool List(const std::string& dir, std::vector<std::string>* names,
            std::string* error) const override {
    return base_.List(dir, names, error);
  }
  bool Stream(const std::string& path, const std::function<void(const char* data, size_t size)>& sink,
              std::string* error) const override;
  std::string Canonical(const std::string& path) const override;
  bool IsSymlink(const std::string& path) const override { return !files_.count(path) && base_.IsSymlink(path); }
  bool Stamp(const std::string& path, FileStamp* stamp) const override {
    return !files_.count(path) && base_.Stamp(path, stamp);
  }

 private:
  const FileSystem& base_;
  std::map<std::string, std::string> files_;
};

// "a/b" + "c" → "a/b/c"; an empty dir gives name.
std::string JoinPath(const std::string& dir, const std::string& name);

// The directory part of a path ("a/b.yaml" → "a", "b.yaml" → ".").
std::string DirName(const std::string& path);

// The file name without directory and last extension ("a/b.yaml" → "b").
std::string FileStem(const std::string& path);

// True when two paths name the same file on disk, whether it exists yet or
// not: both made absolute, links resolved as far as they exist, "." and
// ".." removed ("./o/x.pdf", "o/x.pdf" and "/cwd/o/../o/x.pdf" agree).
bool SamePath(const std::string& a, const std::string& b);

// Lexically normalised path: removes ".", resolves "x/..", drops duplicate '/'.
std::string NormalizePath(const std::string& path);

}  // namespace brief
