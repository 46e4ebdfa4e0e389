// A schedule of two on-chip levels through spad's public API alone
// (<spad/spad.hpp>): the level model and the level simulator count it to the
// same element at every boundary, the integer executor moves what they count,
// and the result is printed as `spad evaluate --schedule S --buffer A,B
// --json` prints it. Built by CMake and run by ctest (test
// api_levels_example): it exits 1 if a check fails, 2 on bad input.
//
//   build/release/spad_levels_example LAYER.json LEVELS.json 16KiB,2KiB
#include <exception>
#include <iostream>
#include <spad/spad.hpp>
#include <string>
#include <vector>

namespace {

int fail(const std::string& what) {
  std::cerr << "levels_example: " << what << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return fail("usage: spad_levels_example LAYER LEVELS OUTER,INNER");
  try {
    const spad::Layer layer = spad::load_layer(argv[1]);
    const spad::LevelSchedule schedule = spad::load_level_schedule_arg(argv[2]);
    spad::validate(schedule, layer);
    // One capacity per level, outermost first, named as the schedule names them.
    std::vector<std::string> names;
    for (const spad::LevelLoops& level : schedule.levels) names.push_back(level.name);
    const spad::MemoryLevels machine =
        spad::memory_levels_for(names, spad::parse_buffer_levels(argv[3], "--buffer"), argv[3],
                                spad::Precision{}, /*halo_reuse=*/false, /*double_buffer=*/false);

    const spad::LevelTraffic by_model = spad::evaluate_levels(layer, schedule, machine);
    const spad::LevelTraffic by_replay = spad::simulate_levels(layer, schedule, machine);
    if (!(by_model == by_replay)) return fail("level model and level simulator disagree");

    const spad::LevelExecution run = spad::execute_levels(layer, schedule, machine, 1);
    if (!run.output_matches()) return fail("the executed output is not the reference's");
    for (std::size_t l = 0; l < by_model.levels.size(); ++l)
      for (spad::Tensor t : spad::kAllTensors)
        if (run.levels[l][t].reads != by_model.levels[l].arrays[t].reads ||
            run.levels[l][t].fills != by_model.levels[l].arrays[t].fills)
          return fail("the executor's counts differ at level " + by_model.levels[l].name);

    const std::vector<spad::LowerBound> bounds = spad::level_lower_bounds(layer, machine);
    for (std::size_t l = 0; l < bounds.size(); ++l) {
      if (by_model.levels[l].traffic_bytes < bounds[l].bound_bytes)
        return fail("boundary " + std::to_string(l + 1) + " beats its lower bound");
      std::cout << by_model.levels[l].name << ": " << by_model.levels[l].traffic_bytes
                << " bytes across its boundary (bound " << bounds[l].bound_bytes << ")\n";
    }
    std::cout << spad::json_document_text(
                     spad::level_result_document(layer, schedule, machine, by_model))
              << '\n';

    // The level search (exhaustive from two levels: it takes small layers
    // only, so a tiny one here) on 40 B + 12 B: its optimum fits every level
    // and the level simulator replays it to the same counts.
    const spad::Layer tiny = spad::load_layer("N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny");
    const spad::MemoryLevels small = spad::memory_levels_for(
        {"", ""}, spad::parse_buffer_levels("40B,12B", "--buffer"), "40B,12B", spad::Precision{},
        /*halo_reuse=*/false, /*double_buffer=*/false);
    const spad::LevelSearchResult found = spad::optimize_levels(tiny, small, {.threads = 2});
    if (!found.best) return fail(spad::level_infeasible_message(tiny, small));
    if (!(found.best->traffic == spad::simulate_levels(tiny, found.best->schedule, small)))
      return fail("the level search's optimum does not replay to its counts");
    if (!found.best->traffic.fits()) return fail("the level search's optimum does not fit");
    std::cout << spad::json_document_text(
                     spad::level_optimize_document(tiny, small, found, 2, 0.0, {}))
              << '\n';
    return 0;
  } catch (const spad::UserError& e) {
    std::cerr << "levels_example: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "levels_example: " << e.what() << '\n';
    return 3;
  }
}
