#include "output/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/filesystem.h"

namespace brief {

bool EnsureDirectory(const std::string& path, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec || !std::filesystem::is_directory(path)) {
    *error = "cannot create folder '" + path + "': " + (ec ? ec.message() : "not a folder");
    return false;
  }
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error) {
  std::string dir = DirName(path);
  std::string temp = JoinPath(dir, "." + path.substr(path.rfind('/') + 1) + ".tmp-XXXXXX");
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    *error = "cannot create a file in '" + dir + "': " + std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "cannot write '" + path + "': " + std::strerror(errno);
      close(fd);
      unlink(temp.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp makes the file 0600; a PDF is for sharing, so use the usual
  // permissions (subject to the umask).
  // umask can only be read by setting it; do that once, before any threads.
  static const mode_t kMask = [] {
    mode_t m = umask(0);
    umask(m);
    return m;
  }();
  fchmod(fd, 0666 & ~kMask);
  if (close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace brief
