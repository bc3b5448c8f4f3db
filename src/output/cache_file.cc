#include "output/cache_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "base/filesystem.h"
#include "base/sha256.h"
#include "output/atomic_write.h"

namespace brief {

namespace {

constexpr std::string_view kChecksum = "sha256 ";
constexpr size_t kChecksumLine = kChecksum.size() + 64 + 1;

}  // namespace

std::string SealCacheText(std::string_view header, std::string_view body) {
  std::string text;
  text.reserve(header.size() + body.size() + kChecksumLine);
  text.append(header).append(body);
  text += fmt::format("{}{}\n", kChecksum, Sha256Hex(text));
  return text;
}

bool UnsealCacheText(std::string_view text, std::string_view header, std::string_view* body) {
  if (text.size() < header.size() + kChecksumLine || text.substr(0, header.size()) != header) return false;
  std::string_view sealed = text.substr(0, text.size() - kChecksumLine);
  std::string_view last = text.substr(text.size() - kChecksumLine);
  if (last.substr(0, kChecksum.size()) != kChecksum || last.back() != '\n' ||
      last.substr(kChecksum.size(), 64) != Sha256Hex(sealed)) {
    return false;
  }
  *body = sealed.substr(header.size());
  return true;
}

bool ReadCacheFile(const std::string& path, std::string* bytes) {
  // O_NONBLOCK: opening a FIFO to read would otherwise wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  bytes->clear();
  char buffer[65536];
  while (ok) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) ok = false;
    if (n <= 0) break;
    bytes->append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return ok;
}

bool WriteCacheFile(const std::string& path, const std::string& bytes) {
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    bool good = S_ISREG(st.st_mode) && access(path.c_str(), R_OK | W_OK) == 0;
    if (!good && (S_ISDIR(st.st_mode) ? rmdir(path.c_str()) : unlink(path.c_str())) != 0) return false;
  }
  std::string error;
  return EnsureDirectory(DirName(path), &error) && WriteFileAtomically(path, bytes, &error);
}

}  // namespace brief
