// Small pieces of C text (see c_text.hpp).
#include "codegen/c_text.hpp"

#include <fmt/format.h>

#include <sstream>

namespace spad::codegen {

std::string dim_enum(Dim d) { return fmt::format("SPAD_{}", dim_name(d)); }
std::string tensor_enum(Tensor t) { return fmt::format("SPAD_{}", tensor_name(t)); }

std::string comma_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string comment_safe(std::string text) {
  for (std::size_t at = text.find("*/"); at != std::string::npos; at = text.find("*/", at))
    text.replace(at, 2, "* /");
  return text;
}

std::string prefixed_lines(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) out += prefix + line + "\n";
  return out;
}

}  // namespace spad::codegen
