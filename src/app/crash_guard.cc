#include "app/crash_guard.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <ctime>
#include <string_view>

#include <fmt/format.h>

namespace brief {

namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
constexpr int kCount = sizeof kSignals / sizeof kSignals[0];

// What the handler may touch: written before the guard is armed.
struct Armed {
  CrashReport reports[kCount];
  struct sigaction old[kCount];
  int exit_status = 1;
  stack_t old_stack{};
  timespec start{};
};
Armed* g_armed = nullptr;
// The handler's own stack, for a crash that is a stack overflow.
alignas(16) char g_stack[64 * 1024];

void WriteBytes(int fd, const char* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
}

// Writes `bytes` with each CrashGuard::kSeconds replaced by the seconds
// since `start`, to the millisecond (async-signal-safe: clock_gettime and
// digits by hand).
void WriteAll(int fd, const std::string& bytes, const timespec& start) {
  const std::string_view marker = CrashGuard::kSeconds;
  size_t from = 0;
  while (true) {
    size_t at = bytes.find(marker, from);
    size_t end = at == std::string::npos ? bytes.size() : at;
    WriteBytes(fd, bytes.data() + from, end - from);
    if (at == std::string::npos) break;
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (now.tv_sec - start.tv_sec) * 1000LL + (now.tv_nsec - start.tv_nsec) / 1'000'000;
    if (ms < 0) ms = 0;
    char digits[32];
    int n = 0;
    char reversed[24];
    int r = 0;
    long long whole = ms / 1000;
    do {
      reversed[r++] = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole > 0 && r < 20);
    while (r > 0) digits[n++] = reversed[--r];
    digits[n++] = '.';
    digits[n++] = static_cast<char>('0' + ms % 1000 / 100);
    digits[n++] = static_cast<char>('0' + ms % 100 / 10);
    digits[n++] = static_cast<char>('0' + ms % 10);
    WriteBytes(fd, digits, static_cast<size_t>(n));
    from = at + marker.size();
  }
}

void OnFatal(int sig) {
  for (int i = 0; i < kCount; ++i) {
    if (kSignals[i] != sig || !g_armed) continue;
    WriteAll(STDOUT_FILENO, g_armed->reports[i].out, g_armed->start);
    WriteAll(STDERR_FILENO, g_armed->reports[i].err, g_armed->start);
    _exit(g_armed->exit_status);
  }
  // Not ours (cannot happen): die of it as without a guard.
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

CrashGuard::CrashGuard(const std::function<CrashReport(const std::string& how)>& report, int exit_status) {
  auto* armed = new Armed();
  armed->exit_status = exit_status;
  clock_gettime(CLOCK_MONOTONIC, &armed->start);
  for (int i = 0; i < kCount; ++i) {
    armed->reports[i] = report(fmt::format("signal {} ({})", kSignals[i], strsignal(kSignals[i])));
  }
  stack_t stack{};
  stack.ss_sp = g_stack;
  stack.ss_size = sizeof g_stack;
  sigaltstack(&stack, &armed->old_stack);
  g_armed = armed;
  struct sigaction action{};
  action.sa_handler = OnFatal;
  action.sa_flags = SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < kCount; ++i) sigaction(kSignals[i], &action, &armed->old[i]);
}

CrashGuard::~CrashGuard() {
  Armed* armed = g_armed;
  for (int i = 0; i < kCount; ++i) sigaction(kSignals[i], &armed->old[i], nullptr);
  sigaltstack(&armed->old_stack, nullptr);
  g_armed = nullptr;
  delete armed;
}

}  // namespace brief
