// Element sizes in JSON documents: {"in": 1, "w": 1, "out": 1, "psum": 4}
// (bytes per element of inputs, weights, outputs and partial sums, the keys
// of --precision), as in a result's "machine" and a network layer's own
// "precision".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "workload/precision.hpp"

namespace spad {

nlohmann::ordered_json precision_to_json(const Precision& p);

// Keys missing from `j` keep `base`'s sizes. Throws UserError naming
// `source` and `field` (e.g. "machine.precision") for a value that is not an
// object, an unknown key, or a size outside 1..16.
Precision precision_from_json(const nlohmann::json& j, const std::string& source,
                              const std::string& field, Precision base = {});

}  // namespace spad
