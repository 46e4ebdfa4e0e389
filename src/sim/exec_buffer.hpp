// One scratchpad buffer of the functional executor: it holds copies of some
// elements of one off-chip array, addressed by their off-chip (row-major)
// position, and never more than its capacity. Reading an element it does not
// hold, or exceeding the capacity, is an InternalError: the executor computes
// only from what went through the buffers, and this is where that is proven.
#pragma once

#include <string>
#include <vector>

#include "base/checked.hpp"
#include "sim/exec_tensor.hpp"

namespace spad {

class ScratchBuffer {
 public:
  // A buffer for an array of `array_elems` elements holding at most
  // `capacity` of them at once.
  ScratchBuffer(std::string name, Count array_elems, Count capacity);

  bool holds(Count pos) const { return present_[static_cast<std::size_t>(pos)] != 0; }
  // The buffered copy of element `pos`; InternalError when not held.
  Value get(Count pos) const;
  Value& ref(Count pos);
  // Stores a copy of element `pos` (which must not be held yet).
  void put(Count pos, Value v);

  // Drops every held element, calling on_drop(pos, value) for each first
  // (in the order they were stored).
  template <class F>
  void drop_all(F&& on_drop) {
    for (Count pos : held_) {
      on_drop(pos, value_[static_cast<std::size_t>(pos)]);
      present_[static_cast<std::size_t>(pos)] = 0;
    }
    held_.clear();
  }
  // Drops every held element that is not in `keep` (no write-back).
  void retain_only(const std::vector<Count>& keep);

  Count size() const { return static_cast<Count>(held_.size()); }
  Count peak() const { return peak_; }
  Count capacity() const { return capacity_; }

 private:
  [[noreturn]] void missing(Count pos) const;

  std::string name_;
  Count capacity_;
  Count peak_ = 0;
  std::vector<char> present_;
  std::vector<Value> value_;
  std::vector<Count> held_;
  std::vector<char> keep_mark_;  // scratch for retain_only
};

}  // namespace spad
