// Work run in this process (one brief to one file, where a worker process
// would cost more than the work: the fork and its copy-on-write faults are
// a fifth of a one-brief run) still ends a crash with a report and an exit
// status, as a worker's crash does in a batch.
#pragma once

#include <functional>
#include <string>

namespace brief {

// While a CrashGuard lives, a fatal signal (SIGSEGV, SIGBUS, SIGABRT,
// SIGFPE, SIGILL; a stack overflow too: the handler runs on its own stack)
// writes report(how) (standard output's part, then standard error's) and
// ends the process with `exit_status`. report is called now, once per
// signal, with how it died ("signal 6 (Aborted)"): the handler only writes
// bytes prepared before.
// One guard at a time; the previous handlers are restored on destruction.
struct CrashReport {
  std::string out, err;
};
class CrashGuard {
 public:
  // In a report, stands for the seconds since the guard was made ("0.083"),
  // written by the handler.
  static constexpr const char* kSeconds = "\x01seconds\x01";

  CrashGuard(const std::function<CrashReport(const std::string& how)>& report, int exit_status);
  ~CrashGuard();
  CrashGuard(const CrashGuard&) = delete;
  CrashGuard& operator=(const CrashGuard&) = delete;
};

}  // namespace brief
