// Capacities of several on-chip levels from one flag (buffer_levels.hpp).
#include "io/text/buffer_levels.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/text_fields.hpp"
#include "model/memory_levels.hpp"

namespace spad {

std::vector<Count> parse_buffer_levels(std::string_view text, std::string_view what) {
  const std::vector<std::string_view> pieces = split_trimmed(text, ',');
  if (pieces.size() > kMaxMemoryLevels)
    throw UserError(std::string(what) + " " + std::string(trim(text)) + ": " +
                    std::to_string(pieces.size()) + " capacities: at most " +
                    std::to_string(kMaxMemoryLevels) +
                    " on-chip levels are supported (one capacity per level, outermost first)");
  std::vector<Count> capacities;
  for (std::size_t l = 0; l < pieces.size(); ++l) {
    const std::string level = pieces.size() == 1
                                  ? std::string(what)
                                  : std::string(what) + " (level " + std::to_string(l + 1) +
                                        " of " + std::to_string(pieces.size()) + ")";
    if (pieces[l].empty())
      throw UserError(level + ": " + in_quotes(trim(text)) +
                      " has an empty capacity; give one size per level, outermost first, e.g. "
                      "512KiB,64KiB");
    capacities.push_back(parse_byte_size(pieces[l], level));
  }
  return capacities;
}

std::string default_level_name(std::size_t level_index, std::size_t levels) {
  std::string name = "L";
  name += std::to_string(levels - level_index);
  return name;
}

}  // namespace spad
