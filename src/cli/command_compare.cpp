// `spad compare`: per layer, the optimum beside the lower bound, the fixed
// dataflows, the HWCE-like engine and the working-set model, for one layer
// (--layer) or every conv and fc layer of a network (--model); printed as a
// table (report/compare_table), JSON (io/compare_result_json) or CSV
// (io/compare_result_csv). Layers whose optimum does not fit are reported with
// the others; then the command exits with code 2 and lists them on stderr.
#include <iostream>
#include <memory>
#include <numeric>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/compare_flags.hpp"
#include "cli/compare_network_run.hpp"
#include "io/compare_result_csv.hpp"
#include "io/compare_result_json.hpp"
#include "io/layer_json.hpp"
#include "io/network_layer_selection.hpp"
#include "io/network_source.hpp"
#include "report/compare_table.hpp"
#include "report/network_table.hpp"

namespace spad::cli {
namespace {

constexpr int kExitUsage = 2;  // as for a UserError (cli/main.cpp)

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
The lower bound is max(compulsory traffic, pebble-game bound) (docs/lower-bound.md).)";

// A single layer as a one-layer network (named "layer" when it has no name).
Network single_layer_network(const std::string& arg) {
  const Layer layer = load_layer(arg);
  LayerSpec spec = layer.spec();
  if (spec.name.empty()) spec.name = "layer";
  Network net;
  net.model = spec.name;
  net.layers.push_back(NetworkLayer{spec, "conv", false});
  return net;
}

int run_compare(const CompareFlags& flags) {
  if (!flags.layer && !flags.model)
    throw UserError("compare needs --layer LAYER (one layer) or --model NAME|FILE (a network)");
  const Network net = flags.model ? load_network(*flags.model, NetworkLoadOptions{flags.batch})
                                  : single_layer_network(*flags.layer);
  const Machine machine = machine_from_flags(flags.machine);
  std::vector<std::size_t> chosen(net.layers.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (flags.layers) chosen = select_layers(net, *flags.layers);

  const CompareResult result = compare_network(net, chosen, machine, flags.threads);
  if (flags.json) {
    std::cout << compare_result_to_json(result).dump(2) << '\n';
  } else if (flags.csv) {
    std::cout << compare_result_to_csv(result);
  } else {
    std::cout << format_compare_table(result);
  }
  const std::string infeasible = format_infeasible_layers(result.network);
  if (infeasible.empty()) return 0;
  std::cout.flush();
  std::cerr << "spad: error: " << infeasible << '\n';
  return kExitUsage;
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
