// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break.
#pragma once

#include <string>

namespace spad {

inline std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

}  // namespace spad
