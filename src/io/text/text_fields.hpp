// Small text helpers shared by the command-line parsers (byte sizes,
// precision, inline layers): trimming, splitting and strict integers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/checked.hpp"

namespace spad {

// `text` without leading and trailing white space.
std::string_view trim(std::string_view text);

// Splits on every `sep` (empty pieces kept), each piece trimmed.
std::vector<std::string_view> split_trimmed(std::string_view text, char sep);

// A whole decimal integer (optional leading '-'), nothing else; nullopt if the
// text is not one. Sets *too_large when it is an integer beyond int64.
std::optional<Count> parse_integer(std::string_view text, bool* too_large = nullptr);

// Lower-cased copy (ASCII).
std::string to_lower(std::string_view text);

}  // namespace spad
