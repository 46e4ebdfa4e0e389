// Loading the layer or network a command runs on; reporting what did not fit.
#include "cli/run_target.hpp"

#include <iostream>
#include <numeric>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/result_output.hpp"
#include "io/common/network_source.hpp"
#include "io/json/layer_json.hpp"
#include "io/text/network_layer_selection.hpp"
#include "report/network_table.hpp"

namespace spad::cli {
RunTarget load_run_target(std::string_view command, const std::optional<std::string>& layer,
                          const std::optional<std::string>& model,
                          const std::optional<std::string>& layers,
                          const std::optional<Count>& batch) {
  if (!layer && !model)
    throw UserError(std::string(command) +
                    " needs --layer LAYER (one layer) or --model NAME|FILE (a network)");
  RunTarget t;
  if (model) {
    t.net = load_network(*model, NetworkLoadOptions{batch});
  } else {
    // A network document's layer entry keeps its kind and own sizes.
    const NetworkLayer entry = load_network_layer(*layer);
    t.net = one_layer_network(Layer(entry.spec));
    t.net.layers.front().kind = entry.kind;
    t.net.layers.front().precision = entry.precision;
  }
  t.chosen.resize(t.net.layers.size());
  std::iota(t.chosen.begin(), t.chosen.end(), 0);
  if (layers) t.chosen = select_layers(t.net, *layers);
  return t;
}

int finish_with_infeasible_layers(const NetworkResult& result, std::string_view fix) {
  const std::string infeasible = format_infeasible_layers(result, fix);
  if (infeasible.empty()) return 0;
  result_out().flush();
  std::cerr << "spad: error: " << infeasible << '\n';
  return kExitUsage;
}

}  // namespace spad::cli
