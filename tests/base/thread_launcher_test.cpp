// The thread launcher (base/thread_launcher): when the system refuses to
// start a thread, the work still gets done by fewer threads, with the same
// answer, instead of std::terminate.
#include "base/thread_launcher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace spad {
namespace {

// Sums 0..n-1 with `workers` workers that take indices from a shared counter.
long long shared_sum(std::size_t workers, const ThreadStarter& start, int n = 10000) {
  std::atomic<int> next{0};
  std::vector<long long> partial(workers, 0);
  run_workers(
      workers,
      [&](std::size_t id) {
        for (int i = next++; i < n; i = next++) partial[id] += i;
      },
      start);
  return std::accumulate(partial.begin(), partial.end(), 0LL);
}

ThreadStarter refuse_after(int allowed) {
  auto started = std::make_shared<std::atomic<int>>(0);
  return [started, allowed](std::function<void()> run) {
    if ((*started)++ >= allowed)
      throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
    return std::thread(std::move(run));
  };
}

TEST(ThreadLauncher, SameAnswerWhateverTheThreadsTheSystemGives) {
  const long long expected = 10000LL * 9999 / 2;
  EXPECT_EQ(shared_sum(8, {}), expected);
  EXPECT_EQ(shared_sum(8, refuse_after(3)), expected);  // 4 workers in all
  EXPECT_EQ(shared_sum(8, refuse_after(0)), expected);  // the calling thread alone
  EXPECT_EQ(shared_sum(1, refuse_after(0)), expected);
}

TEST(ThreadLauncher, RethrowsTheLowestWorkersException) {
  EXPECT_THROW(run_workers(4,
                           [](std::size_t id) {
                             if (id == 0) throw std::runtime_error("worker 0");
                           }),
               std::runtime_error);
}

TEST(ThreadLauncher, ResolvedThreadCount) {
  EXPECT_EQ(resolved_thread_count(3), 3u);
  EXPECT_GE(resolved_thread_count(0), 1u);
}

}  // namespace
}  // namespace spad
