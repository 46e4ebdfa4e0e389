// Overflow-checked 64-bit integer arithmetic for element and byte counts.
// Every count in spad is an int64; sizes multiply quickly (a weight tensor
// times a reload factor), so products go through these helpers.
#pragma once

#include <cstdint>
#include <string>

#include "base/error.hpp"

namespace spad {

using Count = std::int64_t;

// Throws InternalError for an overflowing a <op> b (kept out of line so the
// checked operations below stay cheap enough to inline).
[[noreturn]] void throw_overflow(char op, Count a, Count b);

// a * b, throwing InternalError on overflow. Layer validation bounds every
// product the model forms, so an overflow here is a bug, not bad input.
inline Count mul(Count a, Count b) {
  Count out = 0;
  if (__builtin_mul_overflow(a, b, &out)) [[unlikely]]
    throw_overflow('*', a, b);
  return out;
}

inline Count add(Count a, Count b) {
  Count out = 0;
  if (__builtin_add_overflow(a, b, &out)) [[unlikely]]
    throw_overflow('+', a, b);
  return out;
}

// a + b for a total over the layers of a network: each layer's counts are
// bounded, but their sum can pass 2^63 - 1, so an overflow is a UserError
// naming the total ("traffic_bytes"), not a bug.
Count add_total(Count a, Count b, const char* what);

// a * b, or nullopt-like false when it overflows; for validation code that
// must turn an overflow into a user error.
inline bool mul_fits(Count a, Count b, Count* out) { return !__builtin_mul_overflow(a, b, out); }

// ceil(a / b) for a >= 0, b > 0.
inline Count ceil_div(Count a, Count b) { return (a + b - 1) / b; }

}  // namespace spad
