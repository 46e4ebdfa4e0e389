// The width human-readable output is fitted to (see output_width.hpp).
#include "cli/output_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "report/text_table.hpp"

namespace spad::cli {

std::size_t output_width(bool wide) {
  if (wide) return 0;
  if (const char* columns = std::getenv("COLUMNS")) {
    std::size_t value = 0;
    const std::string_view text(columns);
    bool digits = !text.empty() && text.size() <= 6;
    for (char c : text) {
      digits = digits && c >= '0' && c <= '9';
      if (digits) value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    if (digits && value > 0) return std::max(value, kMinOutputWidth);
  }
  winsize size{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0)
    return std::max<std::size_t>(size.ws_col, kMinOutputWidth);
  return 0;
}

std::string fit_to_width(const std::string& text, std::size_t width) {
  return wrap_lines(text, width);
}

}  // namespace spad::cli
