// The --precision flag: bytes per element of each array.
//
// Grammar: comma-separated key=value pairs, any subset, any order, spaces
// around tokens ignored; unspecified keys keep the defaults in=1,w=1,out=1,psum=4.
//   key   := in | w | out | psum
//   value := positive integer (bytes)
//          | int8 | uint8 | fp8 (1) | int16 | fp16 | bf16 (2) | int32 | fp32 (4)
//          | int64 | fp64 (8)
// e.g. "in=1,w=1,out=1,psum=4", "psum=int32", "w=2". An empty text gives the
// defaults. Unknown key (with the closest valid one suggested), bad value or
// duplicate key -> UserError naming the key and the value.
#pragma once

#include <string>
#include <string_view>

#include "workload/precision.hpp"

namespace spad {

// Parses and validates (validate(Precision)).
Precision parse_precision(std::string_view text);
// The same with unspecified keys taken from `base` (e.g. the sizes a model states).
Precision parse_precision(std::string_view text, const Precision& base);

// (The canonical text form, which both read back, is workload/precision's
// precision_to_string.)

}  // namespace spad
