// How a network study reports its progress, for a caller that shows it (the
// CLI's progress line, cli/progress) or ignores it (the default). A study runs
// in stages ("optimum", then "baselines" or "dataflows"); each starts with
// stage(name, unit, total) and counts its jobs with step(), called from the
// job runner's worker threads (so it must be safe to call concurrently). A
// stage ends when the next one starts or the study returns.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace spad {

struct StudyProgress {
  // name: "optimum", "baselines", "dataflows"; unit: what is counted
  // ("layer shapes searched", "searches"); total: the number of steps.
  std::function<void(const std::string& name, const std::string& unit, std::int64_t total)> stage;
  std::function<void()> step;

  void start(const std::string& name, const std::string& unit, std::int64_t total) const {
    if (stage) stage(name, unit, total);
  }
};

}  // namespace spad
