// The fields of a schedule's JSON, read one at a time, shared by the
// one-level reader (io/json/schedule_json) and the several-level reader
// (io/json/level_schedule_json). `prefix` is the path of the enclosing object
// in messages: "" for a one-level schedule, "levels[1]." inside a level, so
// an error reads "s.json: levels[1].tiles.m = 0: ...".
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

// The 8 dimension letters, innermost first; a permutation of n g m c p q r s.
std::array<Dim, kNumDims> read_schedule_order(const nlohmann::json& v, const std::string& source,
                                              const std::string& prefix);

// A positive tile size for each of the 8 dimensions.
PerDim<Count> read_schedule_tiles(const nlohmann::json& v, const std::string& source,
                                  const std::string& prefix);

// A span 0..8 for each of I, W, O; with `allow_bypass`, null too (nullopt).
PerTensor<std::optional<int>> read_schedule_spans(const nlohmann::json& v,
                                                  const std::string& source,
                                                  const std::string& prefix, bool allow_bypass);

}  // namespace spad
