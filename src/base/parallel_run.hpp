// Runs independent jobs on a few threads: each worker takes the next job of a
// list until none is left. Jobs store their results by position, so the
// outcome does not depend on the number of workers or on timing. The one job
// runner of the network-level studies (cli runs, study/sweep).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace spad {

// A --threads value: 0 (or less) means every hardware thread.
inline int resolved_threads(int asked) {
  return asked > 0 ? asked : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Runs job(i) for every i in `order` on `workers` threads (inline when
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
  if (workers <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (int i = 0; i < workers; ++i) pool.emplace_back(work);
    for (std::thread& t : pool) t.join();
  }
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace spad
