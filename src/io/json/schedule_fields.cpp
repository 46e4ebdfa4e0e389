// Reading the order, tiles and buffer_span fields of a schedule (schedule_fields.hpp).
#include "io/json/schedule_fields.hpp"

#include <string_view>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/json/json_read.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr std::array<std::string_view, kNumDims> kDimNames = {"n", "g", "m", "c",
                                                              "p", "q", "r", "s"};
constexpr std::array<std::string_view, kNumTensors> kTensorNames = {"I", "W", "O"};

}  // namespace

std::array<Dim, kNumDims> read_schedule_order(const nlohmann::json& v, const std::string& source,
                                              const std::string& prefix) {
  const std::string all = join(kDimNames, " ");
  if (!v.is_array())
    throw UserError(source + ": " + prefix + "order = " + show_json(v) +
                    ": must be an array of the 8 dimension letters, innermost first, e.g. "
                    "[\"s\",\"r\",\"q\",\"p\",\"c\",\"m\",\"g\",\"n\"]");
  std::array<Dim, kNumDims> order{};
  std::array<bool, kNumDims> seen{};
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string field = prefix + "order[" + std::to_string(i) + "]";
    const auto& e = v[i];
    if (!e.is_string())
      throw UserError(source + ": " + field + " = " + show_json(e) +
                      ": must be a dimension letter (one of " + all + ")");
    const auto name = e.get<std::string>();
    const auto d = parse_dim(name);
    if (!d)
      throw UserError(source + ": " + field + " = " + in_quotes(name) + ": not a dimension letter" +
                      did_you_mean(name, kDimNames) + "; use one of " + all);
    if (seen[index(*d)])
      throw UserError(source + ": " + field + " = " + in_quotes(name) + ": \"" + name +
                      "\" is listed twice; order must be a permutation of " + all);
    seen[index(*d)] = true;
    if (i < kNumDims) order[i] = *d;
  }
  if (v.size() != kNumDims) {
    std::string missing;
    for (Dim d : kAllDims)
      if (!seen[index(d)]) {
        if (!missing.empty()) missing += ' ';
        missing += dim_name(d);
      }
    throw UserError(source + ": " + prefix + "order has " + std::to_string(v.size()) +
                    " entries; it must list each of " + all + " exactly once" +
                    (missing.empty() ? "" : " (missing: " + missing + ")"));
  }
  return order;
}

PerDim<Count> read_schedule_tiles(const nlohmann::json& v, const std::string& source,
                                  const std::string& prefix) {
  require_object(v, source, prefix + "tiles");
  reject_unknown_keys(v, kDimNames, source, prefix + "tiles.");
  PerDim<Count> tiles;
  for (Dim d : kAllDims) {
    const std::string name(dim_name(d));
    if (!v.contains(name))
      throw UserError(source + ": " + prefix + "tiles is missing dimension " + in_quotes(name) +
                      "; give a tile size for each of " + join(kDimNames, " "));
    tiles[d] = json_count(v.at(name), source, prefix + "tiles." + name, 1);
  }
  return tiles;
}

PerTensor<std::optional<int>> read_schedule_spans(const nlohmann::json& v,
                                                  const std::string& source,
                                                  const std::string& prefix, bool allow_bypass) {
  require_object(v, source, prefix + "buffer_span");
  reject_unknown_keys(v, kTensorNames, source, prefix + "buffer_span.");
  PerTensor<std::optional<int>> spans;
  for (Tensor t : kAllTensors) {
    const std::string name(tensor_name(t));
    const std::string field = prefix + "buffer_span." + name;
    if (!v.contains(name))
      throw UserError(source + ": " + prefix + "buffer_span is missing array " + in_quotes(name) +
                      "; give a span 0..8 for each of I W O" +
                      (allow_bypass ? " (or null: the array bypasses this level)" : ""));
    if (v.at(name).is_null()) {
      if (allow_bypass) continue;  // nullopt: bypass
      throw UserError(
          source + ": " + field +
          " = null: this level cannot be bypassed (the datapath reads only from the innermost "
          "level); give a span 0..8 (the number of innermost loops inside the buffer)");
    }
    const Count k = json_count(v.at(name), source, field, 0);
    if (k > static_cast<Count>(kNumDims))
      throw UserError(source + ": " + field + " = " + std::to_string(k) +
                      ": must be in 0..8 (the number of innermost loops inside the buffer)");
    spans[t] = static_cast<int>(k);
  }
  return spans;
}

}  // namespace spad
