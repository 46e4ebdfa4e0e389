// The search options `spad optimize` is asked for, from its arguments as
// given (--uniform-spans, --fixed-order TEXT, --min-buffer, --threads):
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
};

// Throws UserError naming --fixed-order for a bad loop order
// (io/text/loop_order_text).
SearchOptions search_options(const SearchArguments& args);

}  // namespace spad
