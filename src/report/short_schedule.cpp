// The one-line schedule notation.
#include "report/short_schedule.hpp"

#include <vector>

namespace spad {
namespace {

std::string marker(const std::vector<Tensor>& arrays) {
  std::string out = "[";
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    if (i != 0) out += ' ';
    out += tensor_name(arrays[i]);
  }
  return out + "]";
}

}  // namespace

std::string format_short_schedule(const Layer& layer, const Schedule& schedule) {
  const PerDim<Count> T = trip_counts(schedule, layer);
  PerTensor<bool> placed;
  std::vector<std::string> tokens;
  // Every array whose buffer encloses the loop at `position` (and so all
  // loops to its right) and whose marker is not yet out.
  const auto markers_before = [&](int position) {
    std::vector<Tensor> arrays;
    for (Tensor t : kAllTensors)
      if (!placed[t] && position < schedule.buffer_span[t]) {
        arrays.push_back(t);
        placed[t] = true;
      }
    if (!arrays.empty()) tokens.push_back(marker(arrays));
  };
  for (int position = static_cast<int>(kNumDims) - 1; position >= 0; --position) {
    const Dim d = schedule.order[static_cast<std::size_t>(position)];
    if (T[d] == 1) continue;
    markers_before(position);
    tokens.push_back(std::string(dim_name(d)) + std::to_string(schedule.tiles[d]));
  }
  markers_before(-1);
  std::string out;
  for (const std::string& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

}  // namespace spad
