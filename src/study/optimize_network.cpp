// Deduplicated, parallel search over a network's layers.
#include "study/optimize_network.hpp"

#include <memory>
#include <string>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "model/evaluate.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"

namespace spad {

std::vector<std::size_t> all_layers(const Network& net) {
  std::vector<std::size_t> all(net.layers.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

void check_selection(const Network& net, const std::vector<std::size_t>& selection) {
  for (std::size_t k = 0; k < selection.size(); ++k) {
    if (selection[k] >= net.layers.size())
      throw UserError(
          "layer selection: index " + std::to_string(selection[k]) + " is out of range; " +
          net.model + " has " + std::to_string(net.layers.size()) + " layers" +
          (net.layers.empty() ? std::string()
                              : " (indices 0 to " + std::to_string(net.layers.size() - 1) + ")"));
    if (k > 0 && selection[k] <= selection[k - 1])
      throw UserError("layer selection: index " + std::to_string(selection[k]) + " after " +
                      std::to_string(selection[k - 1]) +
                      "; list each layer once, in ascending order");
  }
}

NetworkResult optimize_network(const Network& net, const std::vector<std::size_t>& selection,
                               const Machine& machine, const SearchOptions& options,
                               const StudyProgress& progress) {
  check_selection(net, selection);
  NetworkResult result;
  result.model = net.model;
  result.machine = machine;
  result.space = options.space;
  result.not_scheduled = net.not_scheduled;
  result.skipped = net.skipped;
  result.warnings = net.warnings;

  std::vector<NetworkLayer> selected;
  for (std::size_t i : selection) selected.push_back(net.layers.at(i));
  const std::vector<std::size_t> first = first_of_shape(selected, machine.precision);
  std::vector<std::size_t> unique;  // positions in result.layers of the first of each shape
  for (std::size_t k = 0; k < selection.size(); ++k) {
    NetworkLayerResult r;
    r.index = selection[k];
    r.layer = net.layers[selection[k]];
    // On an accelerator the machine file's sizes hold (study/layer_machine).
    const Precision sizes = options.accelerator ? layer_precision(machine.precision, r.layer.kind)
                                                : layer_precision(machine.precision, r.layer);
    r.compulsory_bytes = compulsory_bytes(Layer(r.layer.spec), sizes);
    r.searched_as = first[k];
    if (first[k] == k) unique.push_back(k);
    result.layers.push_back(std::move(r));
  }
  result.unique_shapes = unique.size();

  const std::vector<std::size_t> order = largest_first(
      unique, [&](std::size_t u) { return Layer(result.layers[u].layer.spec).macs(); });
  const ThreadSplit split = split_threads(options.threads, order.size());
  SearchOptions each = options;
  each.threads = split.per_job;
  if (!each.templates) each.templates = std::make_shared<TemplateCache>();
  progress.start("optimum", "layer shapes searched", static_cast<std::int64_t>(order.size()));
  run_parallel(
      order, split.workers,
      [&](std::size_t u) {
        const NetworkLayer& layer = result.layers[u].layer;
        SearchOptions own = each;
        if (own.accelerator) {
          own.accelerator =
              std::make_shared<const Accelerator>(layer_machine(*own.accelerator, layer.kind));
          result.layers[u].search =
              optimize(Layer(layer.spec), kind_machine(machine, layer.kind), own);
        } else {
          result.layers[u].search = optimize(Layer(layer.spec), layer_machine(machine, layer), own);
        }
      },
      progress.step);
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    if (result.layers[i].searched_as != i)
      result.layers[i].search = result.layers[result.layers[i].searched_as].search;
  return result;
}

}  // namespace spad
