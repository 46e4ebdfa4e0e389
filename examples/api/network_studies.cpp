// The network studies through spad's public API alone (<spad/spad.hpp>): a
// network optimized layer by layer, compared with the baselines, run on two
// accelerators side by side and swept over scratchpad capacities, each answer
// checked against another one the API gives. Prints one line per study and
// the side-by-side comparison as `spad accel --machine A --machine B --json`
// prints it. Built by CMake and run by ctest (test api_network_example): it
// exits 1 if a check fails, 2 on bad input.
//
//   build/release/spad_network_example MODEL MACHINE_A.yaml MACHINE_B.yaml
#include <cstddef>
#include <exception>
#include <iostream>
#include <spad/spad.hpp>
#include <string>
#include <vector>

namespace {

int fail(const std::string& what) {
  std::cerr << "network_example: " << what << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return fail("usage: spad_network_example MODEL MACHINE_A MACHINE_B");
  try {
    // A zoo name, a network .json or an .onnx model, at the batch it states.
    const spad::Network net = spad::load_network(argv[1], spad::NetworkLoadOptions{});
    const std::vector<std::size_t> every = spad::all_layers(net);
    spad::Machine machine;  // int8 data, int32 partial sums
    machine.capacity_bytes = spad::parse_byte_size("16KiB", "--buffer");
    spad::SearchOptions options;
    options.threads = 2;  // any count gives the same answer

    // 1. The network's optimum is each layer's optimum; the totals sum them.
    const spad::NetworkResult optimum = spad::optimize_network(net, every, machine, options);
    spad::Count sum = 0;
    for (const spad::NetworkLayerResult& l : optimum.layers) {
      const spad::SearchResult alone = spad::optimize(spad::Layer(l.layer.spec), machine, options);
      if (alone.best.has_value() != l.fits()) return fail(l.layer.spec.name + ": fits differ");
      if (!l.fits()) continue;
      if (alone.best->traffic != l.search.best->traffic)
        return fail(l.layer.spec.name + ": the network's optimum is not the layer's");
      sum += l.search.best->traffic.traffic_bytes;
    }
    const spad::NetworkTotals totals = spad::network_totals(optimum);
    if (totals.traffic_bytes != sum) return fail("the network total is not the layers' sum");
    std::cout << net.model << ": " << totals.layers << " layers, " << optimum.unique_shapes
              << " distinct shapes, " << totals.traffic_bytes << " bytes at 16 KiB ("
              << totals.infeasible_layers << " do not fit)\n";

    // 2. Beside the baselines: the same optimum, never beaten, never below
    // the lower bound.
    const spad::CompareResult compared = spad::compare_network(net, every, machine, 2);
    for (std::size_t i = 0; i < compared.layers.size(); ++i) {
      const spad::NetworkLayerResult& l = compared.network.layers[i];
      if (!l.fits()) continue;
      const spad::Count best = l.search.best->traffic.traffic_bytes;
      if (best != optimum.layers[i].search.best->traffic.traffic_bytes)
        return fail(l.layer.spec.name + ": compare's optimum differs");
      if (compared.layers[i].bound.bound_bytes > best)
        return fail(l.layer.spec.name + ": the optimum is below the lower bound");
      for (spad::Baseline b : spad::kAllBaselines) {
        const std::optional<spad::Candidate>& c = compared.layers[i].baseline(b);
        if (c && c->traffic.traffic_bytes < best)
          return fail(l.layer.spec.name + ": " + std::string(spad::baseline_name(b)) +
                      " beats the optimum");
      }
    }
    const spad::BaselineTotal ws =
        spad::baseline_total(compared, spad::Baseline::weight_stationary);
    std::cout << "weight-stationary: " << ws.traffic_bytes << " bytes vs the optimum's "
              << ws.optimum_traffic_bytes << " on " << ws.layers << " layers; lower bound "
              << spad::lower_bound_total(compared) << " bytes\n";

    // 3. Two accelerators side by side: each machine's result is exactly its
    // own accel_network run.
    const std::vector<spad::Accelerator> accels = {spad::read_accelerator_file(argv[2]),
                                                   spad::read_accelerator_file(argv[3])};
    spad::AccelRunOptions run;  // latency, with the baselines
    run.threads = 2;
    const spad::AccelComparison side_by_side =
        spad::compare_accelerators(net, every, accels, {argv[2], argv[3]}, run);
    for (std::size_t m = 0; m < accels.size(); ++m)
      if (spad::accel_result_to_json(side_by_side.machines[m]) !=
          spad::accel_result_to_json(spad::accel_network(net, every, accels[m], run)))
        return fail(accels[m].name + ": the side-by-side result is not its own run");
    if (const std::optional<std::size_t> best = spad::best_total_machine(side_by_side)) {
      const spad::AccelTotals t = spad::accel_totals(side_by_side.machines[*best]);
      std::cout << "fastest: " << accels[*best].name << ", " << t.latency_cycles << " cycles ("
                << spad::seconds(accels[*best], t.latency_cycles) * 1e3 << " ms), "
                << t.energy.total / 1000 << " pJ\n";
    }

    // 4. A capacity sweep: traffic never grows with the capacity, and the
    // 16 KiB point is optimize_network's answer.
    spad::SweepOptions sweep_options;
    sweep_options.capacities = spad::parse_capacity_list("4KiB..64KiB:x4", "--buffers");
    sweep_options.threads = 2;
    const spad::SweepResult swept = spad::sweep({net}, sweep_options);
    std::optional<spad::Count> previous;
    for (std::size_t c = 0; c < swept.capacities.size(); ++c) {
      const spad::SweepRow& row = swept.row(0, c);
      if (previous && row.traffic_bytes && *row.traffic_bytes > *previous)
        return fail("traffic grew with the capacity");
      if (row.traffic_bytes) previous = row.traffic_bytes;
      if (row.capacity_bytes == 16 * 1024 && totals.infeasible_layers == 0 &&
          row.traffic_bytes != totals.traffic_bytes)
        return fail("the sweep's 16 KiB point is not optimize_network's");
    }
    std::cout << "sweep: " << swept.capacities.size() << " capacities, " << swept.stats.searches
              << " searches for " << swept.stats.answers << " answers\n";

    // 5. An accelerator built in code is checked like a machine file.
    spad::Accelerator broken = accels[0];
    broken.mac_array.unroll[spad::Dim::m] = 0;
    try {
      (void)spad::accel_network(net, every, broken, run);
      return fail("an unroll of 0 was accepted");
    } catch (const spad::UserError& e) {
      if (std::string(e.what()).rfind("mac_array.unroll.m = 0", 0) != 0)
        return fail(std::string("unexpected message: ") + e.what());
    }

    std::cout << spad::json_document_text(spad::accel_comparison_to_json(side_by_side)) << '\n';
    return 0;
  } catch (const spad::UserError& e) {
    std::cerr << "network_example: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "network_example: " << e.what() << '\n';
    return 3;
  }
}
