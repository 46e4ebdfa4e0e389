// Fuzz target: the inline layer form (--layer C=64,M=64,...) and validation.
#include "fuzz_target.hpp"
#include "io/json/layer_json.hpp"
#include "workload/layer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    const spad::Layer layer(spad::parse_layer_inline(text));
    (void)layer.P();
  });
  return 0;
}
