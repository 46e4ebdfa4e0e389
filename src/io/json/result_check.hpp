// Reading spad's own output back: the numbers a document derives (traffic,
// buffer sizes, fills, P, Q, MACs) are checked against the values recomputed
// from the document's own inputs, so an edited or mismatched document is an
// error that names the key, the value given and the value recomputed, never
// silently trusted and never rejected as an unknown key.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/machine.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// The "machine" object of a result or network document (io/json/result_json's
// machine_to_json form: precision {in, w, out, psum}, halo_reuse,
// double_buffer, capacity_bytes or null).
Machine machine_from_result_json(const nlohmann::json& j, const std::string& source);

// A network, compare or accel document's machine object (its "machine" or
// "level_machine") at the sizes its layer entry `entry` was costed at: the
// entry's own "precision", then its "kind"'s rule (workload/network's
// layer_precision: a matmul's second operand at the input size), as a
// document read whole with --model is checked. The other keys are kept.
nlohmann::json machine_at_entry_sizes(const nlohmann::json& machine, const nlohmann::json& entry,
                                      const std::string& source, const std::string& where);

// Every leaf of `want` that `given` also has must be equal (objects by key,
// arrays entry by entry and of the same length); a mismatch is a UserError
// naming `path` and the key under it ("levels[1].arrays.W.fills"), the value
// given and the value recomputed.
void check_derived_leaves(const nlohmann::json& given, const nlohmann::ordered_json& want,
                          const std::string& source, const std::string& path);

// The cost keys of a result object (arrays.*, traffic_bytes, buffer_bytes,
// compulsory_bytes, fits, total_fills; lower_bound_bytes at a bounded capacity)
// that `obj` gives, against the model's
// evaluation of `schedule` on `layer` and `machine`; `where` prefixes key
// names in messages ("layers[3]."). The schedule is validated first.
void check_result_costs(const nlohmann::json& obj, const Layer& layer, const Schedule& schedule,
                        const Machine& machine, const std::string& source,
                        const std::string& where);

// P, Q and macs, when `obj` gives them, against `layer`'s.
void check_layer_derived(const nlohmann::json& obj, const Layer& layer, const std::string& source,
                         const std::string& where);

}  // namespace spad
