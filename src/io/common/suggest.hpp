// "Did you mean ...?" for misspelt keys and names: the closest candidate by
// edit distance (case-insensitive), when it is close enough to be a likely typo.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace spad {

// The candidate nearest to `word`, if its edit distance is at most
// max(1, len/3), letter case differences being free; else nullopt.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

// " (did you mean \"x\"?)" for the closest match, or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// The candidates joined by `sep`: "n g m c p q r s".
std::string join(std::span<const std::string_view> items, std::string_view sep);

}  // namespace spad
