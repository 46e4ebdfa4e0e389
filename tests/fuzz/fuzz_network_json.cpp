// Fuzz target: a network file (JSON) through the JSON entry point and the
// network reader.
#include "fuzz_target.hpp"
#include "io/json/json_read.hpp"
#include "io/zoo/network_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    (void)spad::parse_network_json(spad::parse_json_document(text, "fuzz.json"), "fuzz.json");
  });
  return 0;
}
