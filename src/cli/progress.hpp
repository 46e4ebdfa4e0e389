// A progress line on stderr for long runs: "optimize: 12/40 layers, 3.2 s,
// about 7.5 s left", rewritten in place (carriage return) at most ten times a
// second and erased when the run ends, so nothing of it stays in the
// terminal's scrollback. Shown only when stderr is a terminal and --quiet is
// not given: a pipe or a file never receives it, and stdout (a table or one
// JSON document) is never touched. Safe to advance from several threads.
// Used by optimize, compare and accel over networks, by sweep, by simulate --execute,
// and by any other command with countable steps.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "study/study_progress.hpp"

namespace spad::cli {

class Progress {
 public:
  // `label` starts the line ("optimize"), `unit` names the steps ("layers");
  // `enabled` false makes every call a no-op.
  Progress(std::string label, std::string unit, std::int64_t total, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `steps` more steps are done.
  void advance(std::int64_t steps = 1);
  // Sets the number of steps done (for callers that count themselves).
  void set_done(std::int64_t done);
  // Erases the line (before the result is printed); later calls do nothing.
  // The destructor does the same.
  void finish();
  bool enabled() const { return enabled_; }

  // Whether a progress line should be shown: stderr is a terminal and not quiet.
  static bool wanted(bool quiet);

  // The line for `done` of `total` after `elapsed_s` seconds (no control
  // characters): "optimize: 12/40 layers, 3.2 s, about 7.5 s left".
  static std::string line(const std::string& label, const std::string& unit, std::int64_t done,
                          std::int64_t total, double elapsed_s);

 private:
  void draw(bool force);

  std::string label_, unit_;
  std::int64_t total_ = 0, done_ = 0;
  std::atomic<bool> enabled_{false};
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

// The progress of a network study (study/study_progress) as progress lines:
// one per stage, labelled label(stage name) (e.g. "compare: baselines"),
// each erased when the next stage starts and the last one when this object
// is destroyed, so scope it to the study's call.
class StudyProgressLines {
 public:
  StudyProgressLines(std::function<std::string(const std::string& stage)> label, bool enabled);
  StudyProgressLines(const StudyProgressLines&) = delete;
  StudyProgressLines& operator=(const StudyProgressLines&) = delete;

  // The hooks to give the study; valid while this object lives.
  StudyProgress hooks();

 private:
  std::function<std::string(const std::string&)> label_;
  bool enabled_ = false;
  std::unique_ptr<Progress> line_;
};

}  // namespace spad::cli
