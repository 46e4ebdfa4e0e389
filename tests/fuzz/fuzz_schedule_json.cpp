// Fuzz target: a schedule (JSON) through the JSON entry point and the
// schedule reader, then costed by the model on a small fixed layer (which
// validates it against the layer).
#include "fuzz_target.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/schedule_json.hpp"
#include "model/evaluate.hpp"
#include "workload/layer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const spad::Layer layer(spad::parse_layer_inline("C=8,M=8,H=10,W=9,R=3,S=2,pad=1"));
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    const nlohmann::json j = spad::parse_json_document(text, "fuzz.json");
    const spad::Schedule schedule = spad::schedule_from_json(j, "fuzz.json");
    spad::Machine machine;
    (void)spad::evaluate(layer, schedule, machine);
  });
  return 0;
}
