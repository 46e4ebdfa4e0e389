// Deduplicated, parallel search over a network's layers.
#include "cli/optimize_network_run.hpp"

#include <algorithm>
#include <memory>
#include <thread>

#include "base/parallel_run.hpp"
#include "cli/progress.hpp"
#include "model/evaluate.hpp"

namespace spad::cli {
namespace {

bool same_shape(LayerSpec a, LayerSpec b) {
  a.name.clear();
  b.name.clear();
  return a == b;
}

}  // namespace

NetworkResult optimize_network(const Network& net, const std::vector<std::size_t>& selection,
                               const Machine& machine, const SearchOptions& options, bool progress,
                               const std::string& label) {
  NetworkResult result;
  result.model = net.model;
  result.machine = machine;
  result.space = options.space;
  result.not_scheduled = net.not_scheduled;
  result.skipped = net.skipped;
  result.warnings = net.warnings;

  std::vector<std::size_t> unique;  // positions in result.layers of the first of each shape
  for (std::size_t i : selection) {
    NetworkLayerResult r;
    r.index = i;
    r.layer = net.layers.at(i);
    r.compulsory_bytes = compulsory_bytes(Layer(r.layer.spec), machine.precision);
    r.searched_as = result.layers.size();
    for (std::size_t u : unique)
      if (same_shape(result.layers[u].layer.spec, r.layer.spec)) {
        r.searched_as = u;
        break;
      }
    if (r.searched_as == result.layers.size()) unique.push_back(r.searched_as);
    result.layers.push_back(std::move(r));
  }
  result.unique_shapes = unique.size();

  // Largest layers first, so a long search does not start last.
  std::vector<std::size_t> order = unique;
  const auto macs = [&](std::size_t u) { return Layer(result.layers[u].layer.spec).macs(); };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return macs(a) > macs(b); });
  const int threads = resolved_threads(options.threads);
  const int workers = std::max(1, std::min<int>(threads, static_cast<int>(order.size())));
  SearchOptions each = options;
  each.threads = std::max(1, threads / workers);
  if (!each.templates) each.templates = std::make_shared<TemplateCache>();
  Progress line(label, "layer shapes searched", static_cast<std::int64_t>(order.size()), progress);
  run_parallel(
      order, workers,
      [&](std::size_t u) {
        result.layers[u].search = optimize(Layer(result.layers[u].layer.spec), machine, each);
      },
      [&line] { line.advance(); });
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    if (result.layers[i].searched_as != i)
      result.layers[i].search = result.layers[result.layers[i].searched_as].search;
  return result;
}

}  // namespace spad::cli
