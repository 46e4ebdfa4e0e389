// Element sizes in JSON documents.
#include "io/json/precision_json.hpp"

#include <array>
#include <string_view>

#include "base/error.hpp"
#include "io/json/json_read.hpp"

namespace spad {

nlohmann::ordered_json precision_to_json(const Precision& p) {
  return {{"in", p.input}, {"w", p.weight}, {"out", p.output}, {"psum", p.psum}};
}

Precision precision_from_json(const nlohmann::json& j, const std::string& source,
                              const std::string& field, Precision base) {
  require_object(j, source, field);
  constexpr std::array<std::string_view, 4> kKeys = {"in", "w", "out", "psum"};
  reject_unknown_keys(j, kKeys, source, field + ".");
  const std::array<Count*, 4> fields = {&base.input, &base.weight, &base.output, &base.psum};
  for (std::size_t k = 0; k < kKeys.size(); ++k) {
    if (!j.contains(kKeys[k])) continue;
    const std::string name = field + "." + std::string(kKeys[k]);
    const Count v = json_count(j.at(kKeys[k]), source, name, 1);
    if (v > kMaxElementBytes)
      throw UserError(source + ": " + name + " = " + std::to_string(v) +
                      ": an element takes 1 to " + std::to_string(kMaxElementBytes) + " bytes");
    *fields[k] = v;
  }
  return base;
}

}  // namespace spad
