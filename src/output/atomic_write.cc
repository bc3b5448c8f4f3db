#include "output/atomic_write.h"

#include <fcntl.h>
#include <sys/file.h>
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

namespace {

constexpr const char* kTempMarker = ".brief-tmp-";

}  // namespace

bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error,
                         const std::function<void()>& before_rename) {
  std::string dir = DirName(path);
  // ".NAME.brief-tmp-XXXXXX", NAME cut short (at a character boundary) when
  // the whole would pass the 255-byte limit of a file name.
  std::string name = path.substr(path.rfind('/') + 1);
  constexpr size_t kNameMax = 255, kExtra = 1 + 11 + 6;  // ".", kTempMarker, "XXXXXX"
  if (name.size() + kExtra > kNameMax) {
    size_t keep = kNameMax - kExtra;
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    name.resize(keep);
  }
  std::string temp = JoinPath(dir, "." + name + kTempMarker + "XXXXXX");
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    *error = "cannot create a file in '" + dir + "': " + std::strerror(errno);
    return false;
  }
  // Locked while it is written: a later run removes only temporary files
  // no living process holds (RemoveStaleTemporaries).
  flock(fd, LOCK_EX);
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
  // mkstemp makes the file 0600. A file being replaced keeps its
  // permissions; a new PDF is for sharing: 0666 less the umask (which can
  // only be read by setting it; done once, before any threads).
  static const mode_t kMask = [] {
    mode_t m = umask(0);
    umask(m);
    return m;
  }();
  struct stat old;
  mode_t mode = stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode) ? (old.st_mode & 07777)
                                                                       : (0666 & ~kMask);
  fchmod(fd, mode);
  if (before_rename) before_rename();
  // Renamed while still open and locked: a sweep by another run never
  // takes it for a dead one's between our close and our rename.
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    unlink(temp.c_str());
    close(fd);
    return false;
  }
  if (close(fd) != 0) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

int RemoveStaleTemporaries(const std::string& dir) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    size_t at = name.rfind(kTempMarker);
    if (name.empty() || name[0] != '.' || at == std::string::npos ||
        name.size() != at + std::strlen(kTempMarker) + 6 || !entry.is_regular_file(ec)) {
      continue;
    }
    int fd = open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0 && unlink(entry.path().c_str()) == 0) ++removed;
    close(fd);
  }
  return removed;
}

}  // namespace brief
