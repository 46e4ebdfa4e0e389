// Fuzz target: an ONNX model file through the file reader and the importer.
// The importer reads a path, so each input is written to one temporary file.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "fuzz_target.hpp"
#include "io/onnx/onnx_network.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/spad_fuzz_onnx_" + std::to_string(::getpid()) + ".onnx";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    const bool written = std::fwrite(data, 1, size, f) == size;
    if (std::fclose(f) != 0 || !written) return 0;
  } else {
    return 0;
  }
  spad::fuzz::run_parser(data, size,
                         [](std::string_view) { (void)spad::read_onnx_network(path, 1); });
  return 0;
}
