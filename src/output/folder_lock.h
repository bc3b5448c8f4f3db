// One run at a time per output folder: runs into the same folder would
// otherwise sweep each other's temporary files and overwrite each other's
// manifest.
#pragma once

#include <functional>
#include <string>

namespace brief {

// An exclusive lock (flock) on a folder itself, so no lock file appears in
// it. Held until destroyed or the process ends (worker processes share it).
class FolderLock {
 public:
  // Locks `dir`. When another process holds it, calls `waiting` once and
  // waits; a signal during the wait (SIGINT, SIGTERM) gives up. locked()
  // says whether the lock was taken; error() why not.
  FolderLock(const std::string& dir, const std::function<void()>& waiting);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

  bool locked() const { return locked_; }
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  bool locked_ = false;
  std::string error_;
};

}  // namespace brief
