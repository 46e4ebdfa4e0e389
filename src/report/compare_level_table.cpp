// The compare table with levels (layout in the header).
#include "report/compare_level_table.hpp"

#include "model/evaluate.hpp"
#include "report/machine_summary.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"
#include "workload/network.hpp"

namespace spad {
namespace {

constexpr const char* kNone = "—";

std::string short_name(Baseline b) {
  switch (b) {
    case Baseline::weight_stationary:
      return "WS";
    case Baseline::output_stationary:
      return "OS";
    case Baseline::input_stationary:
      return "IS";
    case Baseline::working_set:
      return "wset";
    default:
      return std::string(baseline_name(b));
  }
}

std::string boundary_name(const MemoryLevels& m, std::size_t l) {
  return (l == 0 ? std::string("off-chip") : m.levels[l - 1].name) + " ⇄ " + m.levels[l].name;
}

}  // namespace

std::string format_compare_level_table(const CompareLevelResult& result, std::size_t width) {
  const NetworkLevelResult& network = result.network;
  const MemoryLevels& m = network.machine;
  const std::size_t L = m.levels.size();
  std::vector<std::string> header = {"layer",        "boundary",      "optimum B",
                                     "compulsory B", "lower bound B", "opt/bound"};
  for (Baseline b : kLevelBaselines) header.push_back(short_name(b));
  TextTable table(header);
  table.set_text_columns({0, 1});
  std::vector<Count> compulsory(L, 0), bound(L, 0);
  Count fitting = 0;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const NetworkLevelLayerResult& r = network.layers[i];
    const Count c = compulsory_bytes(Layer(r.layer.spec), layer_precision(m.precision, r.layer));
    const std::optional<LevelCandidate>& best = r.search.best;
    fitting += best ? 1 : 0;
    for (std::size_t l = 0; l < L; ++l) {
      const Count lower = r.bounds[l].bound_bytes;
      std::vector<std::string> row = {l == 0 ? r.layer.spec.name : "", boundary_name(m, l)};
      if (best) {
        const Count bytes = best->traffic.levels[l].traffic_bytes;
        compulsory[l] = add(compulsory[l], c);
        bound[l] = add(bound[l], lower);
        row.push_back(with_separators(bytes));
        row.push_back(with_separators(c));
        row.push_back(with_separators(lower));
        row.push_back(ratio_text(bytes, lower));
        for (Baseline b : kLevelBaselines) {
          const std::optional<LevelCandidate>& x = result.layers[i].baseline(b);
          row.push_back(x ? ratio_text(x->traffic.levels[l].traffic_bytes, bytes) : kNone);
        }
      } else {
        row.push_back("does not fit");
        row.push_back(with_separators(c));
        row.push_back(with_separators(lower));
        for (std::size_t k = 0; k < 1 + kLevelBaselines.size(); ++k) row.push_back(kNone);
      }
      table.add_row(std::move(row));
    }
  }
  table.add_rule();
  const std::vector<Count> traffic = network_level_traffic(network);
  bool partial = false;
  // The totals sum the layers that fit (the optimum has no bytes for the
  // others): the label says how many, and with none there is no total.
  const Count layers = static_cast<Count>(network.layers.size());
  const std::string label = fitting == layers ? "total"
                                              : "total (" + std::to_string(fitting) + " of " +
                                                    std::to_string(layers) + " fit)";
  for (std::size_t l = 0; l < L; ++l) {
    std::vector<std::string> row = {l == 0 ? label : "", boundary_name(m, l)};
    for (const std::string& cell : {with_separators(traffic[l]), with_separators(compulsory[l]),
                                    with_separators(bound[l]), ratio_text(traffic[l], bound[l])})
      row.push_back(fitting == 0 ? std::string(kNone) : cell);
    for (Baseline b : kLevelBaselines) {
      const LevelBaselineTotal t = level_baseline_total(result, b);
      if (t.layers == 0) {
        row.push_back(kNone);
        continue;
      }
      partial = partial || t.layers < fitting;
      row.push_back(ratio_text(t.traffic_bytes[l], t.optimum_traffic_bytes[l]) +
                    (t.layers < fitting ? "*" : ""));
    }
    table.add_row(std::move(row));
  }

  std::string out = "model       " + network.model + " (" + std::to_string(network.layers.size()) +
                    " layers, " + std::to_string(network.unique_shapes) + " distinct shapes)\n";
  out += "levels     ";
  out += format_levels(m);
  out += '\n';
  out += table.render(width);
  out += '\n';
  out += std::string("ratios      baseline bytes / optimum bytes across the same boundary; ") +
         kNone + " = the baseline does not fit" +
         (partial ? "; * = total over the layers where it fits" : "") + '\n';
  out +=
      "optimum     the level search's: bytes across each boundary from the outside in, then "
      "fills, then buffer bytes (exact)\n";
  out +=
      "baselines   WS/OS/IS: weight-, output-, input-stationary with the same order and spans "
      "at every level, best tiles (exact); wset: uniform spans (I, W, O share each level's "
      "span: every array at every level boundary)\n";
  out += "not costed  hwce_v1/v2/v4: " + *level_baseline_not_applicable(Baseline::hwce_v1) + '\n';
  return out;
}

}  // namespace spad
