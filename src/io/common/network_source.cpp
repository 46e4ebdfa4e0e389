// Loading a network from a zoo name or a file, with the batch override.
#include "io/common/network_source.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/input_file.hpp"
#include "io/onnx/onnx_network.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

bool has_suffix(const std::string& text, std::string_view suffix) {
  const std::string lower = to_lower(text);
  return lower.size() >= suffix.size() &&
         lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The ONNX importer's call site: the batch fills in a symbolic batch dimension.
Network load_onnx_network(const std::string& path, std::optional<Count> batch) {
  return read_onnx_network(path, batch);
}

Network load_unbatched(const std::string& arg, std::optional<Count> batch) {
  if (has_suffix(arg, ".onnx")) return load_onnx_network(arg, batch);
  if (has_suffix(arg, ".json") || names_existing_path(arg)) return read_network_file(arg);
  return load_zoo_model(arg);
}

void set_batch(Network& net, Count batch) {
  if (batch < 1)
    throw UserError("--batch " + std::to_string(batch) + ": the batch must be at least 1");
  if (net.input) net.input->N = batch;
  for (NetworkLayer& layer : net.layers) {
    layer.spec.N = batch;
    try {
      const Layer validated(layer.spec);
    } catch (const UserError& e) {
      throw UserError(net.model + " with --batch " + std::to_string(batch) + ": " + e.what());
    }
  }
}

}  // namespace

Network load_network(const std::string& arg, const NetworkLoadOptions& options) {
  Network net = load_unbatched(arg, options.batch);
  // Layer names are checked where each Layer is made (workload/layer).
  if (const std::string problem = name_problem(net.model); !problem.empty())
    throw UserError(arg + ": the model name " + in_quotes(net.model) + " has " + problem +
                    "; names must be printable UTF-8 text");
  if (options.batch) set_batch(net, *options.batch);
  return net;
}

}  // namespace spad
