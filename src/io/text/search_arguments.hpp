// The search options `spad optimize` is asked for, from its arguments as
// given (--uniform-spans, --fixed-order TEXT, --min-buffer, --threads,
// --fixed-spans TEXT):
// cli/optimize_flags and the Python module's spad.optimize and
// spad.optimize_network both build their SearchOptions here.
#pragma once

#include <optional>
#include <string>

#include "search/optimize.hpp"

namespace spad {

struct SearchArguments {
  bool uniform_spans = false;              // all three buffers at one loop level
  std::optional<std::string> fixed_order;  // a loop order text, innermost first
  bool min_buffer = false;                 // ties broken by fewest buffer bytes
  int threads = 0;                         // 0: all hardware threads
  std::optional<std::string> fixed_spans;  // "I=2,W=1,O=3" (needs fixed_order)
  // Where the one level comes from, for the message when fixed_order or
  // fixed_spans holds one group per level of several ("--buffer", or "the
  // machine file" for `spad accel`).
  std::string levels_from = "--buffer";
};

// Throws UserError naming --fixed-order for a bad loop order
// (io/text/loop_order_text), --fixed-spans for bad spans or spans without
// an order, and either for several groups (';'), naming their count and
// `levels_from`'s one level (io/text/level_space_text, one level).
SearchOptions search_options(const SearchArguments& args);

}  // namespace spad
