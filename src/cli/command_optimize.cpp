// `spad optimize`: the schedule of least off-chip traffic that fits the
// scratchpad (search/optimize), for one layer (--layer, cli/command_optimize_layer) or
// for every conv and fc layer of a network (--model, cli/command_optimize_network).
#include <memory>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/command_optimize_layer.hpp"
#include "cli/command_optimize_network.hpp"
#include "cli/optimize_flags.hpp"

namespace spad::cli {
namespace {

constexpr const char* kFooter = R"(
Examples:
  spad optimize --layer C=64,M=64,H=56,W=56,R=3,S=3,pad=1 --buffer 64KiB
  spad optimize --layer examples/layers/res2a_branch2b.json --buffer 64KiB --json > best.json
  spad evaluate --layer examples/layers/res2a_branch2b.json --schedule best.json --buffer 64KiB
  spad optimize --model resnet18 --buffer 64KiB --layers 0-3,fc --csv

Schedule column of the --model table (one line per schedule), e.g.
  m32 [W] c16 [I] p14 q28 [O]
The tile loops outermost first, each as its dimension and tile size ("m32":
loop m steps by tiles of 32 of M/G); loops with a single trip are left out.
"[A]" marks where buffer A (I, W or O) is filled: it holds A's data for every
loop to its right; "[I W O]" alone: the whole layer fits in the scratchpad.
The exact schedule is in the --json and --csv output.

--csv: a header line, then one line per layer (no totals line: the count
columns sum to the totals). A layer that does not fit has fits=false, its
min_capacity_bytes, and empty schedule and traffic cells; the command then
exits with code 2 after printing every layer.)";

}  // namespace

Command add_optimize_command(CLI::App& app) {
  auto flags = std::make_shared<OptimizeFlags>();
  CLI::App* sub = app.add_subcommand(
      "optimize",
      "Find the schedule of least off-chip traffic that fits the scratchpad, for one layer "
      "(--layer) or every conv/fc layer of a network (--model)");
  add_optimize_flags(*sub, *flags);
  sub->footer(kFooter);
  return {sub, [flags] {
            if (!flags->layer && !flags->model)
              throw UserError(
                  "optimize needs --layer LAYER (one layer) or --model NAME|FILE (a network)");
            return flags->model ? run_optimize_network(*flags) : run_optimize_layer(*flags);
          }};
}

}  // namespace spad::cli
