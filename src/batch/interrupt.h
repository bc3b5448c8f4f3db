// SIGINT and SIGTERM during a batch: noted, not fatal, so the run can stop
// taking briefs, let the ones in flight finish, and write its manifest.
#pragma once

namespace brief {

// While one exists, SIGINT and SIGTERM set a flag instead of ending the
// process (worker processes forked meanwhile inherit this). The previous
// handlers come back when it is destroyed.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// The signal received while a guard was alive (SIGINT, SIGTERM), or 0.
int InterruptSignal();

// Clears the flag (a new run in the same process, tests).
void ClearInterrupt();

// The exit status for an interrupted run: 128 + the signal (130, 143).
int InterruptExitCode(int signal);

}  // namespace brief
