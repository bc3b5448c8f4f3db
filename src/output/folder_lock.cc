#include "output/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace brief {

FolderLock::FolderLock(const std::string& dir, const std::function<void()>& waiting) {
  fd_ = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) {
    error_ = "cannot open folder '" + dir + "': " + std::strerror(errno);
    return;
  }
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) {
    locked_ = true;
    return;
  }
  if (errno != EWOULDBLOCK) {
    locked_ = true;  // A filesystem without locks: go on as before locks.
    return;
  }
  if (waiting) waiting();
  if (flock(fd_, LOCK_EX) == 0) {
    locked_ = true;
    return;
  }
  error_ = errno == EINTR ? "interrupted while waiting for the folder '" + dir + "'"
                          : "cannot lock folder '" + dir + "': " + std::strerror(errno);
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace brief
