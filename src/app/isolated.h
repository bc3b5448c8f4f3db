// Work that may crash, run in child processes so a crash costs one item,
// not the run: a fatal error inside a third-party library (an abort, a bad
// pointer) on one brief must not take the rest of a batch down.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace brief {

// Runs work(0) ... work(count - 1) in up to `workers` child processes forked
// from this one (so they share what was prepared, copy on write), item i in
// worker i % workers. Each call's result is returned at its index; an item
// whose worker died while on it gets nullopt and, in *crashes at its index,
// how it died ("signal 6 (Aborted)"), and the worker is replaced for the
// rest. The caller must be single-threaded. Returns false when processes
// cannot be made (then nothing ran).
//
// `hooks.done(i)` is called in this process as item i's result (or crash)
// arrives. Once `hooks.stop()` is true, here or in a worker (which
// inherits this process's signal handlers), no item is started any more:
// workers are sent SIGTERM, finish the item in hand and exit, and items
// never started keep nullopt with an empty crash. A worker whose parent
// dies gets SIGTERM too.
struct IsolatedHooks {
  std::function<void(size_t)> done;
  std::function<bool()> stop;
};
bool RunIsolated(size_t count, int workers, const std::function<std::string(size_t)>& work,
                 std::vector<std::optional<std::string>>* results, std::vector<std::string>* crashes,
                 const IsolatedHooks& hooks = {});

}  // namespace brief
