#include "app/crash_guard.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>

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
};
Armed* g_armed = nullptr;
// The handler's own stack, for a crash that is a stack overflow.
alignas(16) char g_stack[64 * 1024];

void WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
}

void OnFatal(int sig) {
  for (int i = 0; i < kCount; ++i) {
    if (kSignals[i] != sig || !g_armed) continue;
    WriteAll(STDOUT_FILENO, g_armed->reports[i].out);
    WriteAll(STDERR_FILENO, g_armed->reports[i].err);
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
