// CSV output (RFC 4180): one cell, quoted when it holds a comma, quote or
// line break; one line of cells.
#pragma once

#include <string>
#include <vector>

namespace spad {

inline std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// The cells joined by commas, ending in a newline.
inline std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) line += ',';
    line += cells[i];
  }
  return line + '\n';
}

}  // namespace spad
