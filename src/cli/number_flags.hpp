// Checks for whole-number flags (--batch, --threads, --seed) with messages
// that say what the number is and which values are allowed, instead of
// CLI11's generic "Value 0 not in range 0 to 1.79769e+308"; a value that
// does not fit is an error, never silently clamped. The messages are
// io/text/whole_number_text's, which the Python module uses too.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "base/checked.hpp"
#include "io/text/whole_number_text.hpp"

namespace spad::cli {

// A decimal integer in the range (kBatchRange, kThreadsRange). CLI11 shows
// the message as "--flag: <message>".
CLI::Validator whole_number(const WholeNumberRange& range);

// A decimal integer in [0, 2^64 - 1] (a random seed).
CLI::Validator seed_number();

// --batch N and --threads N as every command declares them: checked with
// whole_number (kBatchRange, kThreadsRange), so each command refuses the
// same values with the same message. `help` is the command's own text.
// --batch's help, the same on every command (docs/reference.md, "Batch").
inline constexpr const char* kBatchHelp =
    "With --model: the batch the network runs at (default: the model's); an ONNX model's inputs "
    "take it and every shape follows (an fc on a sequence keeps its tokens, a matmul its heads)";
CLI::Option* add_batch_option(CLI::App& app, std::optional<Count>& batch, const std::string& help);
CLI::Option* add_threads_option(CLI::App& app, int& threads, const std::string& help);

}  // namespace spad::cli
