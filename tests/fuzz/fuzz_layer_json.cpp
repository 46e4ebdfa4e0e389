// Fuzz target: a layer file (JSON) through the JSON entry point, the layer
// reader and the layer's validation.
#include <string>

#include "fuzz_target.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "workload/layer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    const nlohmann::json j = spad::parse_json_document(text, "fuzz.json");
    const spad::Layer layer(spad::layer_spec_from_json(j, "fuzz.json"));
    (void)layer.P();
  });
  return 0;
}
