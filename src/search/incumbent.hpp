// The best schedule found so far, shared by the search threads.
#pragma once

#include <mutex>
#include <optional>

#include "search/candidate.hpp"

namespace spad {

class Incumbent {
 public:
  void offer(const Candidate& c) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!best_ || better(c, *best_)) best_ = c;
  }
  std::optional<Candidate> get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return best_;
  }

 private:
  mutable std::mutex mutex_;
  std::optional<Candidate> best_;
};

// Lower bounds (or exact values) of the five leading terms of the order.
struct Bounds {
  Count objective = 0, secondary = 0, traffic = 0, buffer = 0, fills = 0;
};

inline Bounds bounds_of(const Candidate& c) {
  return Bounds{c.objective, c.secondary, c.traffic.traffic_bytes, c.traffic.buffer_bytes,
                c.traffic.total_fills()};
}

// True when anything with these bounds is strictly worse than `bar`
// (lexicographic on objective, secondary, traffic, then fills and buffer in
// the order `tie_break` gives them). Every field of `b` is a lower bound of
// the same term, so a lexicographic comparison of lower bounds is one of every
// schedule they bound. Equal is never worse: exact ties must reach the final
// tie-break.
inline bool strictly_worse(const Bounds& b, const std::optional<Bounds>& bar, TieBreak tie_break) {
  if (!bar) return false;
  if (b.objective != bar->objective) return b.objective > bar->objective;
  if (b.secondary != bar->secondary) return b.secondary > bar->secondary;
  if (b.traffic != bar->traffic) return b.traffic > bar->traffic;
  return tie_terms(tie_break, b.fills, b.buffer) > tie_terms(tie_break, bar->fills, bar->buffer);
}

}  // namespace spad
