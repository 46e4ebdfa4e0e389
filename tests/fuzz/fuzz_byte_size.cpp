// Fuzz target: byte sizes (--buffer 64KiB, 1.5MiB, ...).
#include "fuzz_target.hpp"
#include "io/text/byte_size.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    (void)spad::format_bytes(spad::parse_byte_size(text, "--buffer"));
  });
  return 0;
}
