// Runs independent jobs on a few threads: each worker takes the next job of a
// list until none is left. Jobs store their results by position, so the
// outcome does not depend on the number of workers or on timing. The one job
// runner of the network-level studies (cli runs, study/sweep); its threads
// come from base/thread_launcher (fewer when the system cannot start them).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

#include "base/thread_launcher.hpp"

namespace spad {

// A --threads value: 0 (or less) means every hardware thread.
inline int resolved_threads(int asked) { return static_cast<int>(resolved_thread_count(asked)); }

// Runs job(i) for every i in `order` on up to `workers` threads (inline when
// workers <= 1); rethrows the first exception (in `order`) any job threw.
// `done` (if set) is called after each job ends, on the worker's thread (a
// progress display counts with it).
template <class Job>
void run_parallel(const std::vector<std::size_t>& order, int workers, const Job& job,
                  const std::function<void()>& done = {}) {
  std::vector<std::exception_ptr> errors(order.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k = next++; k < order.size(); k = next++) {
      try {
        job(order[k]);
      } catch (...) {
        errors[k] = std::current_exception();
      }
      if (done) done();
    }
  };
  const std::size_t threads =
      workers <= 1 ? 1 : std::min(static_cast<std::size_t>(workers), order.size());
  run_workers(threads, [&](std::size_t) { work(); });
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace spad
