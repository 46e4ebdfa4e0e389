// An optional value of a JSON document: the value, or null when absent (an
// infeasible layer's traffic, a capacity not given).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace spad {

template <class T>
nlohmann::ordered_json or_null(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace spad
