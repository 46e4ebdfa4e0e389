// Fuzz target: a machine description (YAML or JSON) through the bounded
// first pass, yaml-cpp and the accelerator reader.
#include "fuzz_target.hpp"
#include "io/machine/accelerator_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    (void)spad::parse_accelerator_text(text, "fuzz.yaml");
  });
  return 0;
}
