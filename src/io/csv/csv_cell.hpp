// CSV output (RFC 4180): one cell, quoted when it holds a comma, quote or
// line break; one line of cells.
//
// Text cells (names, kinds) are made safe for spreadsheets: control
// characters are written as \xHH (base/name_text), and a cell that starts
// with = + - @, a tab or a carriage return, which a spreadsheet would run as
// a formula, gets a leading apostrophe ('=SUM(A1) is shown as text). Numbers
// are written by their own code, never through csv_cell. docs/resource-contract.md
// documents this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/name_text.hpp"

namespace spad {

inline std::string csv_cell(const std::string& raw) {
  std::string text = printable(raw);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
    text.insert(0, 1, '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// A count, or an empty cell when there is none (an infeasible layer's traffic).
inline std::string count_cell(const std::optional<Count>& value) {
  return value ? std::to_string(*value) : std::string();
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
