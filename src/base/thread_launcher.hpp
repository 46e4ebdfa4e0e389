// The one place spad starts threads. A worker is a function that takes jobs
// from a shared list until none is left, so any number of workers (even the
// calling thread alone) does all the work and, with results stored by job,
// gives the same answer. When the system cannot start another thread
// (std::system_error: a process or memory limit), the launcher runs with the
// workers it has, down to the calling thread alone: fewer threads, never an
// abort.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <thread>

namespace spad {

// Starts one thread running `run`, or throws std::system_error.
using ThreadStarter = std::function<std::thread(std::function<void()> run)>;

// Runs worker(id) for ids 0..workers-1: id 0 on the calling thread, the others
// on new threads, as many as can be started (ids that got no thread are not
// run). Returns when all have finished; rethrows the exception of the lowest
// id that threw. `start` is for tests; the default starts a std::thread.
void run_workers(std::size_t workers, const std::function<void(std::size_t id)>& worker,
                 const ThreadStarter& start = {});

// A --threads value: 0 (or less) means every hardware thread (at least 1).
std::size_t resolved_thread_count(int asked);

// The largest thread count a caller may ask for: more threads than this only
// cost memory (the CLI's --threads and the Python module check it).
inline constexpr int kMaxThreads = 1024;

// Throws UserError "<what> = <asked>: the number of threads must be 0 (all
// hardware threads) to 1024" unless 0 <= asked <= kMaxThreads.
void check_thread_count(long long asked, const std::string& what);

}  // namespace spad
