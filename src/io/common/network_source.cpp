// Loading a network from a zoo name or a file, with the batch override.
#include "io/common/network_source.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/input_file.hpp"
#include "io/onnx/onnx_network.hpp"
#include "io/text/text_fields.hpp"
#include "workload/network_batch.hpp"

namespace spad {
namespace {

bool has_suffix(const std::string& text, std::string_view suffix) {
  const std::string lower = to_lower(text);
  return lower.size() >= suffix.size() &&
         lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_onnx(const std::string& arg) { return has_suffix(arg, ".onnx"); }

Network load_unbatched(const std::string& arg, std::optional<Count> batch) {
  // The importer re-batches an ONNX model itself: it sets the graph inputs'
  // batch and computes every shape from there (io/onnx/onnx_model.hpp).
  if (is_onnx(arg)) return read_onnx_network(arg, batch);
  if (has_suffix(arg, ".json") || names_existing_path(arg)) return read_network_file(arg);
  return load_zoo_model(arg);
}

}  // namespace

Network load_network(const std::string& arg, const NetworkLoadOptions& options) {
  Network net = load_unbatched(arg, options.batch);
  // Layer names are checked where each Layer is made (workload/layer).
  if (const std::string problem = name_problem(net.model); !problem.empty())
    throw UserError(arg + ": the model name " + in_quotes(net.model) + " has " + problem +
                    "; names must be printable UTF-8 text");
  if (options.batch && !is_onnx(arg)) set_network_batch(net, *options.batch, arg);
  return net;
}

}  // namespace spad
