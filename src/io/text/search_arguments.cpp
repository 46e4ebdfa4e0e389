// SearchOptions from `spad optimize`'s arguments (see search_arguments.hpp).
#include "io/text/search_arguments.hpp"

#include "io/text/loop_order_text.hpp"

namespace spad {

SearchOptions search_options(const SearchArguments& args) {
  SearchOptions options;
  options.space.uniform_spans = args.uniform_spans;
  if (args.fixed_order)
    options.space.fixed_order = parse_loop_order(*args.fixed_order, "--fixed-order");
  options.threads = args.threads;
  if (args.min_buffer) options.tie_break = TieBreak::buffer_first;
  return options;
}

}  // namespace spad
