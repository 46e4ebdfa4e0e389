// The job runner: the one way spad's library runs work on several threads
// (the network studies of study/, and the search's loop structures in
// search/optimize). Workers take the next job of a list until none is left;
// jobs store their results by position (or, in the search, into a shared
// incumbent with a total order), so the outcome does not depend on the
// number of workers or on timing. The threads come from base/thread_launcher
// (fewer when the system cannot start them).
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

// How T threads (0: all) are shared by `jobs` independent jobs: min(T, jobs)
// workers (at least 1), each job running its own search on
// max(1, T / workers) threads.
struct ThreadSplit {
  int workers = 1;
  int per_job = 1;
};

inline ThreadSplit split_threads(int threads, std::size_t jobs) {
  const int total = resolved_threads(threads);
  ThreadSplit split;
  split.workers =
      std::max(1, static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(total), jobs)));
  split.per_job = std::max(1, total / split.workers);
  return split;
}

// The general form: runs body(worker_id, next) on up to `workers` threads
// (one when n <= 1), where next() hands out 0, 1, 2, ... (up to and past n)
// across all of them; a worker keeps its own state (a solver, counters by
// worker_id) between the jobs it takes. Rethrows the exception of the lowest
// worker id that threw.
template <class Body>
void run_job_workers(std::size_t workers, std::size_t n, const Body& body) {
  std::atomic<std::size_t> next{0};
  const auto next_index = [&next] { return next.fetch_add(1, std::memory_order_relaxed); };
  run_workers(n <= 1 ? 1 : std::max<std::size_t>(1, workers),
              [&](std::size_t id) { body(id, next_index); });
}

// Runs job(i) for every i in `order` on up to `workers` threads (inline when
// workers <= 1); rethrows the first exception (in `order`) any job threw.
// `done` (if set) is called after each job ends, on the worker's thread (a
// progress display counts with it).
template <class Job>
void run_parallel(const std::vector<std::size_t>& order, int workers, const Job& job,
                  const std::function<void()>& done = {}) {
  std::vector<std::exception_ptr> errors(order.size());
  const std::size_t threads =
      workers <= 1 ? 1 : std::min(static_cast<std::size_t>(workers), order.size());
  run_job_workers(threads, order.size(), [&](std::size_t, const auto& next) {
    for (std::size_t k = next(); k < order.size(); k = next()) {
      try {
        job(order[k]);
      } catch (...) {
        errors[k] = std::current_exception();
      }
      if (done) done();
    }
  });
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace spad
