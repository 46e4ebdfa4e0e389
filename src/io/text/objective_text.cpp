// Reading --objective (see objective_text.hpp).
#include "io/text/objective_text.hpp"

#include <optional>
#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {

Objective objective_from_text(std::string_view text) {
  if (const std::optional<Objective> o = parse_objective(text)) return *o;
  throw UserError("--objective " + in_quotes(text) + ": expected traffic, latency or energy");
}

}  // namespace spad
