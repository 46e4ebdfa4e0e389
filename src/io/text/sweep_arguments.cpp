// Checks of `spad sweep`'s arguments (see sweep_arguments.hpp).
#include "io/text/sweep_arguments.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/objective_text.hpp"
#include "io/text/ratio_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr const char* kDefaultKneeShare = "0.1";

}  // namespace

std::vector<std::string> sweep_model_names(const std::string& models_text) {
  std::vector<std::string> names;
  for (std::string_view m : split_trimmed(models_text, ',')) {
    if (m.empty()) throw UserError("--model " + in_quotes(models_text) + ": an empty model name");
    for (const std::string& earlier : names)
      if (earlier == m)
        throw UserError("--model " + in_quotes(models_text) + ": " + in_quotes(std::string(m)) +
                        " is given twice (its rows would repeat); give each model once");
    names.emplace_back(m);
  }
  return names;
}

void check_sweep_level_count(const std::string& buffers, std::size_t sets,
                             const std::string& machine, const LevelAccelerator& accel) {
  const std::size_t levels = accel.memory.levels.size();
  if (levels == sets) return;
  std::string names;
  for (const MemoryLevel& level : accel.memory.levels)
    names += (names.empty() ? "" : ", ") + in_quotes(level.name);
  throw UserError("--buffers " + in_quotes(buffers) + ": " + std::to_string(sets) +
                  (sets == 1 ? " capacity set" : " capacity sets") + ", but " + machine + " has " +
                  std::to_string(levels) +
                  (levels == 1 ? " on-chip level (" : " on-chip levels (") + names +
                  "); give one set per level, separated by ';', outermost first" +
                  (levels > 1 ? ", e.g. --buffers \"512KiB;16KiB..64KiB:x2\"" : ""));
}

void refuse_level_sweep_options(bool baselines, bool machine_files, bool target_ratio, bool knee) {
  const std::string why =
      " has no several-level form yet (capacity sets for several on-chip levels in --buffers)";
  if (baselines && machine_files)
    throw UserError(
        "--baselines with --machine of several on-chip levels: the level baselines are costed "
        "on plain on-chip levels (as 'spad compare --model M --buffer OUTER,INNER'), not on a "
        "machine file; leave out --machine or --baselines");
  if (target_ratio)
    throw UserError("--target-ratio" + why +
                    "; read the smallest capacities off the rows, or give one capacity set");
  if (knee)
    throw UserError("--knee" + why + "; read the knee off the rows, or give one capacity set");
}

void check_distinct_networks(const std::vector<Network>& networks,
                             const std::vector<std::string>& labels,
                             const std::string& models_text) {
  for (std::size_t i = 0; i < networks.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (networks[i].model == networks[j].model)
        throw UserError("--model " + in_quotes(models_text) + ": " + in_quotes(labels[i]) +
                        " is the model " + in_quotes(networks[i].model) + " again (also " +
                        in_quotes(labels[j]) + "; its rows would repeat); give each model once");
}

void check_sweep_machine_options(bool machine_files, bool machine_options, bool objectives) {
  if (machine_files && machine_options)
    throw UserError(
        "--machine: the machine file sets the precisions, halo reuse and double "
        "buffering; leave out --precision, --halo-reuse and --double-buffer");
  if (!machine_files && objectives)
    throw UserError("--objective needs --machine (latency and energy come from a machine file)");
}

namespace {

// The distinctness check of check_last_machine_distinct on the machines' names.
void check_last_name_distinct(const std::vector<std::string>& names,
                              const std::vector<std::string>& labels) {
  if (names.empty()) return;
  const std::size_t last = names.size() - 1;
  for (std::size_t j = 0; j < last; ++j)
    if (labels[j] == labels[last] || names[j] == names[last])
      throw UserError("--machine " + labels[last] + ": the machine " + in_quotes(names[last]) +
                      " is given twice (also " + labels[j] +
                      "); give each machine once, with distinct names");
}

}  // namespace

void check_last_machine_distinct(const std::vector<Accelerator>& accels,
                                 const std::vector<std::string>& labels) {
  std::vector<std::string> names;
  for (const Accelerator& a : accels) names.push_back(a.name);
  check_last_name_distinct(names, labels);
}

void check_last_machine_distinct(const std::vector<LevelAccelerator>& accels,
                                 const std::vector<std::string>& labels) {
  std::vector<std::string> names;
  for (const LevelAccelerator& a : accels) names.push_back(a.name);
  check_last_name_distinct(names, labels);
}

std::vector<Objective> sweep_objectives(const std::vector<std::string>& texts) {
  std::vector<Objective> objectives;
  for (const std::string& o : texts) {
    const Objective objective = objective_from_text(o);
    for (Objective earlier : objectives)
      if (earlier == objective)
        throw UserError("--objective " + in_quotes(o) +
                        " is given twice; give each objective once");
    objectives.push_back(objective);
  }
  return objectives;
}

std::optional<Ratio> sweep_target_ratio(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return parse_ratio(*text, "--target-ratio", Ratio{1, 1}, Ratio{1'000'000, 1},
                     "at least 1 (traffic never goes below "
                     "the compulsory traffic) and at most 1000000");
}

std::optional<Ratio> sweep_knee_share(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return parse_ratio(text->empty() ? kDefaultKneeShare : *text, "--knee", Ratio{0, 1}, Ratio{1, 1},
                     "a share of the traffic above 0 and at most 1, e.g. 0.1");
}

}  // namespace spad
