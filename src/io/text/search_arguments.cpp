// SearchOptions from `spad optimize`'s arguments (see search_arguments.hpp).
#include "io/text/search_arguments.hpp"

#include "io/text/level_space_text.hpp"

namespace spad {

SearchOptions search_options(const SearchArguments& args) {
  SearchOptions options;
  options.space.uniform_spans = args.uniform_spans;
  if (args.fixed_order || args.fixed_spans) {
    // The one-level case of the several-level texts: one group (several,
    // separated by ';', are refused naming both counts), no bypass.
    const LevelSearchSpace one = level_search_space(args.uniform_spans, args.fixed_order,
                                                    args.fixed_spans, 1, args.levels_from);
    if (one.fixed_orders) options.space.fixed_order = one.fixed_orders->front();
    if (one.fixed_spans) {
      PerTensor<int> spans;
      for (Tensor a : kAllTensors) spans[a] = *one.fixed_spans->front()[a];
      options.space.fixed_spans = spans;
    }
  }
  options.threads = args.threads;
  if (args.min_buffer) options.tie_break = TieBreak::buffer_first;
  return options;
}

}  // namespace spad
