// Fuzz target: a schedule with levels (either form, or a document holding
// one) through the JSON entry point and the level schedule reader, costed by
// the level model on a small fixed layer with as many levels (which validates
// it), and written back: what is read again must be the same schedule (a
// one-level schedule is written in the one-level form, without its name).
#include <cstdlib>

#include "fuzz_target.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "model/level_evaluate.hpp"
#include "workload/layer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const spad::Layer layer(spad::parse_layer_inline("N=2,C=8,M=16,H=14,W=14,R=3,S=3,pad=1"));
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    const nlohmann::json j = spad::parse_json_document(text, "fuzz.json");
    const spad::LevelSchedule schedule = spad::level_schedule_from_json(j, "fuzz.json");
    spad::LevelSchedule written = schedule;
    if (written.levels.size() == 1) written.levels[0].name.clear();
    const nlohmann::json back =
        nlohmann::json::parse(spad::level_schedule_to_json(schedule).dump());
    if (spad::level_schedule_from_json(back, "written.json") != written) std::abort();
    spad::MemoryLevels machine;
    for (std::size_t l = 0; l < schedule.levels.size(); ++l)
      machine.levels.push_back(spad::MemoryLevel{"", spad::Count{1} << (16 - l)});
    (void)spad::evaluate_levels(layer, schedule, machine);
  });
  return 0;
}
