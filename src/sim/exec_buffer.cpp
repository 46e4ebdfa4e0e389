// The executor's scratchpad buffer: membership, capacity and peak tracking.
#include "sim/exec_buffer.hpp"

#include <utility>

namespace spad {

ScratchBuffer::ScratchBuffer(std::string name, Count array_elems, Count capacity)
    : name_(std::move(name)),
      capacity_(capacity),
      present_(static_cast<std::size_t>(array_elems), 0),
      value_(static_cast<std::size_t>(array_elems), 0),
      keep_mark_(static_cast<std::size_t>(array_elems), 0) {
  SPAD_CHECK(capacity >= 0, "negative buffer capacity");
}

void ScratchBuffer::missing(Count pos) const {
  throw InternalError("executor: buffer " + name_ + " was read at element " + std::to_string(pos) +
                      ", which it does not hold");
}

Value ScratchBuffer::get(Count pos) const {
  if (!holds(pos)) missing(pos);
  return value_[static_cast<std::size_t>(pos)];
}

Value& ScratchBuffer::ref(Count pos) {
  if (!holds(pos)) missing(pos);
  return value_[static_cast<std::size_t>(pos)];
}

void ScratchBuffer::put(Count pos, Value v) {
  SPAD_CHECK(!holds(pos),
             "executor: buffer " + name_ + " loaded element " + std::to_string(pos) + " twice");
  if (size() + 1 > capacity_)
    throw InternalError("executor: buffer " + name_ + " would hold " + std::to_string(size() + 1) +
                        " elements, more than its size in the model (" + std::to_string(capacity_) +
                        ")");
  present_[static_cast<std::size_t>(pos)] = 1;
  value_[static_cast<std::size_t>(pos)] = v;
  held_.push_back(pos);
  if (size() > peak_) peak_ = size();
}

void ScratchBuffer::retain_only(const std::vector<Count>& keep) {
  for (Count pos : keep) keep_mark_[static_cast<std::size_t>(pos)] = 1;
  std::vector<Count> kept;
  kept.reserve(held_.size());
  for (Count pos : held_) {
    if (keep_mark_[static_cast<std::size_t>(pos)] != 0)
      kept.push_back(pos);
    else
      present_[static_cast<std::size_t>(pos)] = 0;
  }
  held_ = std::move(kept);
  for (Count pos : keep) keep_mark_[static_cast<std::size_t>(pos)] = 0;
}

}  // namespace spad
