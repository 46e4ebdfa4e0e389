// The restricted-search-space flags shared by `spad optimize` and `spad
// accel`: --uniform-spans, --fixed-order and --fixed-spans, with one group
// per on-chip level separated by ';' when there are several (their text:
// io/text/level_space_text; one level: io/text/search_arguments). Only the
// registration and help live here; each command turns the texts into its
// search's space.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace spad::cli {

struct SpaceFlags {
  bool uniform_spans = false;
  std::optional<std::string> fixed_order;
  std::optional<std::string> fixed_spans;

  bool restricted() const { return uniform_spans || fixed_order || fixed_spans; }
};

// Registers the three flags on `app`. `with_levels` says when there are
// several levels, e.g. "with several --buffer capacities" (optimize) or "on a
// machine file with levels" (accel), for the help texts.
void add_space_flags(CLI::App& app, SpaceFlags& flags, std::string_view with_levels);

}  // namespace spad::cli
