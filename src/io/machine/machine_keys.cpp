// Where each key of the machine file schema lives, for "it belongs under ..."
// hints (see machine_keys.hpp).
#include "io/machine/machine_keys.hpp"

#include <span>

#include "base/name_text.hpp"

namespace spad::machine_file {
namespace {

struct Section {
  std::string_view name;  // "" for the top level
  std::span<const std::string_view> keys;
};
constexpr std::array<Section, 8> kSections = {{
    {"", kTopKeys},
    {"scratchpad", kScratchpadKeys},
    {"precision_bytes", kPrecisionKeys},
    {"mac_array", kMacArrayKeys},
    {"offchip", kOffchipKeys},
    {"energy", kEnergyKeys},
    {"energy_source", kEnergyKeys},
    {"levels", kLevelKeys},
}};

}  // namespace

std::function<std::string(std::string_view)> belongs_elsewhere(std::string_view section) {
  return [section](std::string_view key) -> std::string {
    for (const Section& s : kSections) {
      if (s.name == section) continue;
      for (std::string_view k : s.keys)
        if (k == key)
          return "; " + in_quotes(key) +
                 (s.name.empty() ? " belongs at the top level"
                                 : " belongs under " + in_quotes(std::string(s.name) + ":"));
    }
    return "";
  };
}

}  // namespace spad::machine_file
