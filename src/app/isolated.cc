#include "app/isolated.h"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fmt/format.h>

namespace brief {

namespace {

// Messages from a worker: a 1-byte kind ('S' started, 'D' done), the item's
// index (8 bytes), and for 'D' the result's length (8 bytes) and bytes.
bool WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool Send(int fd, char kind, size_t index, const std::string* result) {
  std::string message(1, kind);
  uint64_t i = index;
  message.append(reinterpret_cast<const char*>(&i), sizeof i);
  if (result) {
    uint64_t n = result->size();
    message.append(reinterpret_cast<const char*>(&n), sizeof n);
    message += *result;
  }
  return WriteAll(fd, message.data(), message.size());
}

struct Worker {
  pid_t pid = -1;
  int fd = -1;            // Read end of its pipe.
  std::string buffer;     // Bytes read, not yet parsed.
  size_t next = 0;        // The next item of its share to hand out (by position).
  long long current = -1; // The item it started and has not finished.
};

// Forks a worker for the items first, first + step, ... below count.
bool Start(Worker* w, size_t first, size_t step, size_t count,
           const std::function<std::string(size_t)>& work, const IsolatedHooks& hooks) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  if (pid == 0) {
    close(fds[0]);
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // The parent was killed: stop after this item.
    if (getppid() != parent) _exit(1); // ... or before it started.
    for (size_t i = first; i < count; i += step) {
      if (hooks.stop && hooks.stop()) break;
      if (!Send(fds[1], 'S', i, nullptr)) _exit(1);
      std::string result = work(i);
      if (!Send(fds[1], 'D', i, &result)) _exit(1);
    }
    _exit(0);  // No static destructors or atexit handlers of the parent's.
  }
  close(fds[1]);
  w->pid = pid;
  w->fd = fds[0];
  w->buffer.clear();
  w->current = -1;
  return true;
}

// Parses the complete messages in w->buffer.
void Parse(Worker* w, std::vector<std::optional<std::string>>* results, const IsolatedHooks& hooks) {
  size_t pos = 0;
  while (true) {
    if (w->buffer.size() - pos < 9) break;
    char kind = w->buffer[pos];
    uint64_t index;
    std::memcpy(&index, w->buffer.data() + pos + 1, sizeof index);
    if (kind == 'S') {
      w->current = static_cast<long long>(index);
      pos += 9;
      continue;
    }
    if (w->buffer.size() - pos < 17) break;
    uint64_t n;
    std::memcpy(&n, w->buffer.data() + pos + 9, sizeof n);
    if (w->buffer.size() - pos - 17 < n) break;
    (*results)[index] = w->buffer.substr(pos + 17, n);
    w->current = -1;
    if (hooks.done) hooks.done(index);
    pos += 17 + n;
  }
  w->buffer.erase(0, pos);
}

std::string HowItDied(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    return fmt::format("signal {} ({})", sig, strsignal(sig));
  }
  return fmt::format("exit status {}", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

}  // namespace

bool RunIsolated(size_t count, int workers, const std::function<std::string(size_t)>& work,
                 std::vector<std::optional<std::string>>* results, std::vector<std::string>* crashes,
                 const IsolatedHooks& hooks) {
  results->assign(count, std::nullopt);
  crashes->assign(count, "");
  if (count == 0) return true;
  size_t n = std::min<size_t>(static_cast<size_t>(std::max(workers, 1)), count);
  // A worker that dies writing to a parent that is gone must not kill us;
  // and writes to a pipe whose reader died must fail, not signal.
  struct sigaction ignore{}, old{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  std::vector<Worker> pool(n);
  bool ok = true;
  for (size_t w = 0; w < n && ok; ++w) ok = Start(&pool[w], w, n, count, work, hooks);
  if (!ok) {
    for (Worker& w : pool) {
      if (w.pid > 0) {
        kill(w.pid, SIGKILL);
        waitpid(w.pid, nullptr, 0);
        close(w.fd);
      }
    }
    sigaction(SIGPIPE, &old, nullptr);
    return false;
  }
  size_t running = n;
  bool stopping = false;
  std::vector<pollfd> fds(n);
  while (running > 0) {
    if (!stopping && hooks.stop && hooks.stop()) {
      stopping = true;
      for (Worker& w : pool) {
        if (w.fd >= 0) kill(w.pid, SIGTERM);
      }
    }
    for (size_t w = 0; w < n; ++w) fds[w] = {pool[w].fd, static_cast<short>(pool[w].fd >= 0 ? POLLIN : 0), 0};
    // A timeout, so that a signal arriving just before poll() is seen.
    if (poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) break;
    for (size_t w = 0; w < n; ++w) {
      Worker& worker = pool[w];
      if (worker.fd < 0 || !(fds[w].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char chunk[65536];
      ssize_t got = read(worker.fd, chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got > 0) {
        worker.buffer.append(chunk, static_cast<size_t>(got));
        Parse(&worker, results, hooks);
        continue;
      }
      // End of its output: the worker finished or died.
      close(worker.fd);
      worker.fd = -1;
      int status = 0;
      waitpid(worker.pid, &status, 0);
      --running;
      if (worker.current < 0) continue;  // Finished its share.
      size_t crashed = static_cast<size_t>(worker.current);
      (*crashes)[crashed] = HowItDied(status);
      if (hooks.done) hooks.done(crashed);
      // The rest of its share goes to a new worker.
      if (!stopping && crashed + n < count && Start(&worker, crashed + n, n, count, work, hooks)) {
        ++running;
      }
    }
  }
  sigaction(SIGPIPE, &old, nullptr);
  return true;
}

}  // namespace brief
