// Shared by the libFuzzer targets: run one parser on the fuzzer's bytes.
// A UserError is the expected answer to bad bytes; anything else (another
// exception, a crash, a sanitizer report, a hang) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/error.hpp"

namespace spad::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs parse(text); swallows only UserError.
template <class Parse>
void run_parser(const std::uint8_t* data, std::size_t size, Parse&& parse) {
  try {
    parse(as_text(data, size));
  } catch (const UserError&) {
  }
}

}  // namespace spad::fuzz
