// Enumeration of input footprints (see sim_input_footprint.hpp).
#include "sim/sim_input_footprint.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace spad::sim {
namespace {

Count count_shared(const std::vector<Count>& a, const std::vector<Count>& b) {
  Count shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

Count length(const std::vector<Count>& v) { return static_cast<Count>(v.size()); }

}  // namespace

Count InputFootprint::size() const {
  return mul(mul(length(batch), length(channels)), mul(length(rows), length(cols)));
}

Count shared_elements(const InputFootprint& a, const InputFootprint& b) {
  return mul(mul(count_shared(a.batch, b.batch), count_shared(a.channels, b.channels)),
             mul(count_shared(a.rows, b.rows), count_shared(a.cols, b.cols)));
}

InputFootprintBuilder::InputFootprintBuilder(const Layer& layer)
    : spec_(layer.spec()), channels_per_group_(layer.bound(Dim::c)) {
  const Count extent = std::max({spec_.N, spec_.C, spec_.H, spec_.W});
  marks_.assign(static_cast<std::size_t>(extent), 0);
}

void InputFootprintBuilder::mark(Count v) {
  SPAD_CHECK(v >= 0 && v < static_cast<Count>(marks_.size()), "footprint coordinate out of range");
  marks_[static_cast<std::size_t>(v)] = 1;
  lowest_ = highest_ < lowest_ ? v : std::min(lowest_, v);
  highest_ = std::max(highest_, v);
}

void InputFootprintBuilder::collect(std::vector<Count>& out) {
  out.clear();
  for (Count v = lowest_; v <= highest_; ++v) {
    if (marks_[static_cast<std::size_t>(v)] != 0) {
      out.push_back(v);
      marks_[static_cast<std::size_t>(v)] = 0;
    }
  }
  lowest_ = 0;
  highest_ = -1;
}

void InputFootprintBuilder::build(const PerDim<Range>& ranges, InputFootprint& out) {
  for (Count n = ranges[Dim::n].lo; n < ranges[Dim::n].hi; ++n) mark(n);
  collect(out.batch);

  for (Count g = ranges[Dim::g].lo; g < ranges[Dim::g].hi; ++g)
    for (Count c = ranges[Dim::c].lo; c < ranges[Dim::c].hi; ++c) mark(g * channels_per_group_ + c);
  collect(out.channels);

  for (Count p = ranges[Dim::p].lo; p < ranges[Dim::p].hi; ++p) {
    for (Count r = ranges[Dim::r].lo; r < ranges[Dim::r].hi; ++r) {
      const Count y = p * spec_.stride_h + r * spec_.dilation_h - spec_.pad_top;
      if (y >= 0 && y < spec_.H) mark(y);
    }
  }
  collect(out.rows);

  for (Count q = ranges[Dim::q].lo; q < ranges[Dim::q].hi; ++q) {
    for (Count s = ranges[Dim::s].lo; s < ranges[Dim::s].hi; ++s) {
      const Count x = q * spec_.stride_w + s * spec_.dilation_w - spec_.pad_left;
      if (x >= 0 && x < spec_.W) mark(x);
    }
  }
  collect(out.cols);
}

}  // namespace spad::sim
