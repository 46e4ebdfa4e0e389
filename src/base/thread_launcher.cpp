// Starting worker threads, falling back to fewer when the system refuses.
#include "base/thread_launcher.hpp"

#include <exception>
#include <system_error>
#include <vector>

#include "base/error.hpp"

namespace spad {

void run_workers(std::size_t workers, const std::function<void(std::size_t id)>& worker,
                 const ThreadStarter& start) {
  if (workers == 0) workers = 1;
  std::vector<std::exception_ptr> errors(workers);
  const auto guarded = [&](std::size_t id) {
    try {
      worker(id);
    } catch (...) {
      errors[id] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (std::size_t id = 1; id < workers; ++id) {
    try {
      std::function<void()> run = [&guarded, id] { guarded(id); };
      threads.push_back(start ? start(std::move(run)) : std::thread(std::move(run)));
    } catch (const std::system_error&) {
      break;  // no more threads: the ones started and this one do the work
    }
  }
  guarded(0);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

std::size_t resolved_thread_count(int asked) {
  if (asked > 0) return static_cast<std::size_t>(asked);
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware > 0 ? hardware : 1;
}

void check_thread_count(long long asked, const std::string& what) {
  if (asked < 0 || asked > kMaxThreads)
    throw UserError(what + " = " + std::to_string(asked) +
                    ": the number of threads must be 0 (all hardware threads) to " +
                    std::to_string(kMaxThreads));
}

}  // namespace spad
