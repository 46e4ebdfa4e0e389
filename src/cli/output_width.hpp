// How wide the human-readable tables may be: --wide -> unlimited; else the
// COLUMNS environment variable when it is a number (an explicit choice wins);
// else, when stdout is a terminal, its width (ioctl TIOCGWINSZ); else (a file
// or a pipe without COLUMNS) unlimited, so saved reports keep one line per
// row. Widths below kMinOutputWidth are raised to it. Tables wider than the
// result are folded (report/text_table) and long lines wrapped, never cut.
#pragma once

#include <cstddef>
#include <string>

namespace spad::cli {

inline constexpr std::size_t kMinOutputWidth = 40;

// 0 means unlimited.
std::size_t output_width(bool wide);

// `text` with lines longer than `width` wrapped (report/text_table wrap_lines).
std::string fit_to_width(const std::string& text, std::size_t width);

}  // namespace spad::cli
