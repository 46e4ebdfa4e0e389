// `spad compare`: per layer, the optimum beside the lower bound, the fixed
// dataflows, the HWCE-like engine and the working-set model, for one layer
// (--layer) or every conv and fc layer of a network (--model); printed as a
// table (report/compare_table), JSON (io/json/compare_result_json) or CSV
// (io/csv/compare_result_csv). Layers whose optimum does not fit are reported with
// the others; then the command exits with code 2 and lists them on stderr.
#include <memory>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/command_compare_levels.hpp"
#include "cli/compare_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "cli/run_target.hpp"
#include "io/csv/compare_result_csv.hpp"
#include "io/json/compare_result_json.hpp"
#include "io/text/network_precision.hpp"
#include "report/compare_table.hpp"
#include "study/compare_network.hpp"

namespace spad::cli {
namespace {

constexpr const char* kFooter = R"(
Examples:
  spad compare --model resnet50 --buffer 64KiB --precision in=2,w=2,out=2,psum=2 --halo-reuse
  spad compare --layer C=64,M=64,H=56,W=56,R=3,S=3,pad=1 --buffer 16KiB --json
  spad compare --model vgg16 --buffer 4KiB --layers 0-3 --csv

Baselines (docs/dataflows.md): weight-, output- and input-stationary dataflows at
their best tiles; the HWCE-like streaming engine with V = 1, 2, 4 output maps per
pass, always with halo reuse (its line buffer); the working-set model (all three
buffers at one loop level). The optimum and the other baselines use the machine
flags as given: pass --halo-reuse to compare with the HWCE on the same hardware.
The lower bound is max(compulsory traffic, pebble-game bound) (docs/lower-bound.md).

Several on-chip levels (--buffer OUTER,INNER[,...], outermost first): the level
optimum beside the compulsory traffic and lower bound at every boundary and the
baselines with a several-level form: WS/OS/IS with the same order and spans at
every level, and wset as uniform spans (every array at every level boundary);
the HWCE-like engine has none (one concrete one-level schedule) and is listed as
not applicable. --csv: one line per layer and boundary.
  spad compare --layer N=1,C=2,M=4,H=4,W=4,R=1,S=1 --buffer 40B,12B --json)";

int run_compare(const CompareFlags& flags) {
  if (buffer_level_count(flags.machine) > 1) return run_compare_levels(flags);
  RunTarget target =
      load_run_target("compare", flags.layer, flags.model, flags.layers, flags.batch);
  // A model's own element sizes replace the defaults and --precision keys win
  // over them, as in `spad optimize` (io/text/network_precision).
  apply_precision_text(target.net, flags.machine.precision);
  const Machine machine =
      machine_for_network(machine_from_flags(flags.machine), target.net, flags.machine.precision);
  CompareResult result = [&] {
    StudyProgressLines lines([](const std::string& stage) { return "compare: " + stage; },
                             Progress::wanted(flags.quiet));
    return compare_network(target.net, target.chosen, machine, flags.threads, lines.hooks());
  }();
  result.network.precision_source = precision_source(target.net, flags.machine.precision);
  if (flags.json) {
    write_json_result(compare_result_to_json(result));
  } else if (flags.csv) {
    result_out() << compare_result_to_csv(result);
  } else {
    result_out() << format_compare_table(result, output_width(flags.wide));
  }
  return finish_with_infeasible_layers(result.network, "give a larger --buffer");
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* sub = app.add_subcommand(
      "compare",
      "Set the optimum of every layer beside the lower bound and the baselines (fixed "
      "dataflows, HWCE-like engine, working-set model), for one layer (--layer) or a network "
      "(--model)");
  add_compare_flags(*sub, *flags);
  sub->footer(kFooter);
  return {sub, [flags] { return run_compare(*flags); }};
}

}  // namespace spad::cli
