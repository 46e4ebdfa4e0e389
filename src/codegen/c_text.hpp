// Small pieces of C text every kernel emitter writes, one- and several-level
// alike: the runtime's enum names of the loops and arrays, comma lists of
// table rows, and text placed inside C block comments.
#pragma once

#include <string>
#include <vector>

#include "base/dims.hpp"

namespace spad::codegen {

// SPAD_n .. SPAD_s, SPAD_I SPAD_W SPAD_O (the runtime's enums).
std::string dim_enum(Dim d);
std::string tensor_enum(Tensor t);

// "a, b, c".
std::string comma_list(const std::vector<std::string>& items);

// `text` made safe inside a C block comment: every "*/" becomes "* /".
std::string comment_safe(std::string text);

// Each line of `text` with `prefix` in front and a newline after.
std::string prefixed_lines(const std::string& text, const std::string& prefix);

}  // namespace spad::codegen
