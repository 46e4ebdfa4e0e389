// What a network command runs on and how it ends, shared by `compare` and
// `accel`: one layer (--layer, as a one-layer network) or a network
// (--model, with --layers / --batch), and the closing report of the layers
// that do not fit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/zoo/network_file.hpp"
#include "study/network_result.hpp"

namespace spad::cli {

struct RunTarget {
  Network net;
  std::vector<std::size_t> chosen;  // indices into net.layers, ascending
};

// `command` names the command in the message when neither --layer nor
// --model is given (UserError).
RunTarget load_run_target(std::string_view command, const std::optional<std::string>& layer,
                          const std::optional<std::string>& model,
                          const std::optional<std::string>& layers,
                          const std::optional<Count>& batch);

// 0 when every layer fits; else prints the layers that do not (ending with
// `fix`) on stderr after flushing stdout, and returns exit code 2.
int finish_with_infeasible_layers(const NetworkResult& result, std::string_view fix);

}  // namespace spad::cli
