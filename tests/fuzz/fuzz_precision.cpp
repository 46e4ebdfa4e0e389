// Fuzz target: precisions (--precision in=1,w=1,out=1,psum=4).
#include "fuzz_target.hpp"
#include "io/text/precision_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spad::fuzz::run_parser(data, size, [](std::string_view text) {
    (void)spad::precision_to_string(spad::parse_precision(text));
  });
  return 0;
}
