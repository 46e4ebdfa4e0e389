// Bytes per element of each array, and of the output's partial sums.
// Default int8 data with int32 partial sums (DESIGN.md).
#pragma once

#include <string>

#include "base/checked.hpp"

namespace spad {

struct Precision {
  Count input = 1;
  Count weight = 1;
  Count output = 1;
  Count psum = 4;
  friend bool operator==(const Precision&, const Precision&) = default;
};

// Largest element size accepted (bytes); keeps byte counts far from overflow.
inline constexpr Count kMaxElementBytes = 16;

// Throws UserError naming the field (in, w, out, psum) if any size is outside 1..16.
void validate(const Precision& precision);

// The canonical text form "in=1,w=1,out=1,psum=4", as messages and reports
// show a precision; io/text/precision_text's parse_precision reads it back.
std::string precision_to_string(const Precision& p);

}  // namespace spad
