// The checks of `spad sweep`'s arguments beyond each value's own reader:
// the model list, distinct machines and objectives, which options go
// together, and the target ratio and knee texts. `spad sweep`
// (cli/command_sweep) and the Python module's spad.sweep both call these, so
// the same mistake gets the same message (naming the CLI's flag).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/ratio.hpp"
#include "model/accelerator.hpp"
#include "model/level_accelerator.hpp"
#include "search/objective.hpp"
#include "workload/network.hpp"

namespace spad {

// The model names of a --model text ("resnet50, mobilenet_v2"), split at
// commas and trimmed. Throws UserError for an empty name or a name given
// twice (its rows would repeat under one label).
std::vector<std::string> sweep_model_names(const std::string& models_text);

// Throws UserError when two of `networks` are the same model (same name:
// "alexnet" and data/zoo/alexnet.json) — their rows would repeat under one
// label. `labels[i]` is how networks[i] was given; `models_text` the whole
// --model text.
void check_distinct_networks(const std::vector<Network>& networks,
                             const std::vector<std::string>& labels,
                             const std::string& models_text);

// Throws UserError when machine files (`machine_files`) come with the
// machine options they set (`machine_options`: precisions, halo reuse,
// double buffering), or objectives come without machine files.
void check_sweep_machine_options(bool machine_files, bool machine_options, bool objectives);

// Throws UserError when the last of `accels` repeats an earlier one: the same
// label (its file) or the same name, since rows are labelled by machine name.
// `labels[i]` says where accels[i] came from; call after adding each.
void check_last_machine_distinct(const std::vector<Accelerator>& accels,
                                 const std::vector<std::string>& labels);
// The same for machines of several on-chip levels (a sweep over levels).
void check_last_machine_distinct(const std::vector<LevelAccelerator>& accels,
                                 const std::vector<std::string>& labels);

// Several on-chip levels (capacity sets separated by ';' in --buffers):
// throws UserError when `accel`, described by `machine` ("the machine file
// gap.yaml"; the Python module: "the machine gap-like"), has not one on-chip
// level per capacity set (`sets` of them, from the --buffers text `buffers`).
void check_sweep_level_count(const std::string& buffers, std::size_t sets,
                             const std::string& machine, const LevelAccelerator& accel);

// Throws UserError for --baselines with machine files (the level baselines
// are costed on plain levels only), then naming the first of --target-ratio
// and --knee that is asked for: they have no several-level form yet.
void refuse_level_sweep_options(bool baselines, bool machine_files, bool target_ratio, bool knee);

// The objectives of --objective texts, each given once; UserError otherwise.
std::vector<Objective> sweep_objectives(const std::vector<std::string>& texts);

// --target-ratio: a decimal ratio in [1, 1000000] (nullopt: not asked).
std::optional<Ratio> sweep_target_ratio(const std::optional<std::string>& text);

// --knee: a share in (0, 1]; "" (the flag without a value) is the default
// share 0.1 (nullopt: not asked).
std::optional<Ratio> sweep_knee_share(const std::optional<std::string>& text);

}  // namespace spad
