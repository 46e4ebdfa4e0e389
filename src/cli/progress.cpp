// The stderr progress line (see progress.hpp).
#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "report/number_text.hpp"

namespace spad::cli {

Progress::Progress(std::string label, std::string unit, std::int64_t total, bool enabled)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      enabled_(enabled && total > 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  if (enabled_) draw(true);
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  const std::lock_guard lock(mutex_);
  if (enabled_ && drawn_) {
    // Erase the line: carriage return, then clear to the end of the line.
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }
  enabled_ = false;
}

bool Progress::wanted(bool quiet) { return !quiet && ::isatty(STDERR_FILENO) == 1; }

std::string Progress::line(const std::string& label, const std::string& unit, std::int64_t done,
                           std::int64_t total, double elapsed_s) {
  std::string out = label + ": " + std::to_string(done) + "/" + std::to_string(total) + " " + unit +
                    ", " + duration_text(elapsed_s);
  if (done > 0 && done < total)
    out +=
        ", about " +
        duration_text(elapsed_s / static_cast<double>(done) * static_cast<double>(total - done)) +
        " left";
  return out;
}

void Progress::advance(std::int64_t steps) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  done_ += steps;
  draw(false);
}

void Progress::set_done(std::int64_t done) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  done_ = done;
  draw(false);
}

void Progress::draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::string text = line(label_, unit_, done_, total_, elapsed);
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

StudyProgressLines::StudyProgressLines(std::function<std::string(const std::string&)> label,
                                       bool enabled)
    : label_(std::move(label)), enabled_(enabled) {}

StudyProgress StudyProgressLines::hooks() {
  StudyProgress hooks;
  if (!enabled_) return hooks;
  hooks.stage = [this](const std::string& stage, const std::string& unit, std::int64_t total) {
    line_.reset();  // erases the previous stage's line first
    line_ = std::make_unique<Progress>(label_(stage), unit, total, true);
  };
  hooks.step = [this] {
    if (line_) line_->advance();
  };
  return hooks;
}

}  // namespace spad::cli
