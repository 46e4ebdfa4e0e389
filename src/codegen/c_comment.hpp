// Text placed inside the C block comments of generated files (the header
// comment of each kernel, one- and several-level alike).
#pragma once

#include <string>

namespace spad::codegen {

// `text` made safe inside a C block comment: every "*/" becomes "* /".
std::string comment_safe(std::string text);

// Each line of `text` with `prefix` in front and a newline after.
std::string prefixed_lines(const std::string& text, const std::string& prefix);

}  // namespace spad::codegen
