// The network table of the level search (layout in the header).
#include "report/network_level_table.hpp"

#include "model/evaluate.hpp"
#include "report/machine_summary.hpp"
#include "report/number_text.hpp"
#include "report/optimize_report.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

// The fits cell of a layer nothing fits: "no: L1 needs 6 B", naming each
// level below the smallest capacity any schedule of the space needs there.
std::string short_of_text(const MemoryLevels& m, const std::vector<Count>& needs) {
  std::string out;
  for (std::size_t l = 0; l < m.levels.size() && l < needs.size(); ++l)
    if (m.levels[l].capacity_bytes && *m.levels[l].capacity_bytes < needs[l])
      out += (out.empty() ? ": " : ", ") + m.levels[l].name + " needs " +
             with_separators(needs[l]) + " B";
  return "no" + out;
}

}  // namespace

std::string format_network_level_table(const NetworkLevelResult& result, double seconds,
                                       int threads, std::size_t width,
                                       const std::string& objective) {
  const MemoryLevels& m = result.machine;
  std::vector<std::string> header = {"layer"};
  for (std::size_t l = 0; l < m.levels.size(); ++l)
    header.push_back((l == 0 ? std::string("off-chip") : m.levels[l - 1].name) + " ⇄ " +
                     m.levels[l].name + " bytes");
  for (const char* h : {"compulsory bytes", "lower bound bytes", "fills", "buffer bytes", "fits"})
    header.push_back(h);
  TextTable table(header);
  Count compulsory = 0, fills = 0;
  for (const NetworkLevelLayerResult& r : result.layers) {
    const Layer layer(r.layer.spec);
    const Count c = compulsory_bytes(layer, layer_precision(m.precision, r.layer));
    compulsory = add(compulsory, c);
    std::vector<std::string> row = {r.layer.spec.name};
    if (r.search.best) {
      const LevelTraffic& t = r.search.best->traffic;
      for (const LevelCost& cost : t.levels) row.push_back(with_separators(cost.traffic_bytes));
      fills = add(fills, t.total_fills());
      row.push_back(with_separators(c));
      row.push_back(with_separators(r.bounds.front().bound_bytes));
      row.push_back(with_separators(t.total_fills()));
      row.push_back(with_separators(t.total_buffer_bytes()));
      row.push_back("yes");
    } else {
      for (std::size_t l = 0; l < m.levels.size(); ++l) row.push_back("-");
      row.push_back(with_separators(c));
      row.push_back(with_separators(r.bounds.front().bound_bytes));
      row.push_back("-");
      row.push_back("-");
      row.push_back(short_of_text(m, r.min_capacities_bytes));
    }
    table.add_row(std::move(row));
  }
  table.add_rule();
  std::vector<std::string> totals = {"total"};
  for (Count bytes : network_level_traffic(result)) totals.push_back(with_separators(bytes));
  for (std::string cell : {with_separators(compulsory), std::string(), with_separators(fills),
                           std::string(), std::string()})
    totals.push_back(std::move(cell));
  table.add_row(std::move(totals));

  std::string out = "model     " + result.model + " (" + std::to_string(result.layers.size()) +
                    " layers, " + std::to_string(result.unique_shapes) + " distinct shapes)\n";
  out += "levels   ";
  out += format_levels(m);
  out += '\n';  // not "\n" + ...: GCC 12's false -Wrestrict
  out += table.render(width);
  out += '\n';
  out += objective.empty()
             ? "objective bytes across each boundary from the outside in, then fills, then "
               "buffer bytes (exact: the level search); lower bound at the off-chip boundary\n"
             : "objective " + objective + " (exact: the level search)\n";
  if (result.space.restricted())
    out += "space     " + format_level_search_space(result.space) + '\n';
  out += "search    " + duration_text(seconds) + " on " + std::to_string(threads) +
         (threads == 1 ? " thread\n" : " threads\n");
  return out;
}

}  // namespace spad
