// Text for C block comments (see c_comment.hpp).
#include "codegen/c_comment.hpp"

#include <sstream>

namespace spad::codegen {

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
