// Signatures of one level's buffers (the argument is in the header).
#include "search/order_signature_table.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace spad {
namespace {

// Two adjacent outside loops of A may swap iff their classes are equal and
// not kAlone.
enum class SwapClass : std::uint8_t { kOther, kIndexing, kAlone };

SwapClass swap_class(Tensor a, Dim d, bool halo_reuse) {
  if (!indexes(a, d)) return SwapClass::kOther;
  const bool halo_loop = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
  return a == Tensor::I && halo_reuse && halo_loop ? SwapClass::kAlone : SwapClass::kIndexing;
}

// The loops of `order` from `from` to `live` as A's buffer outside them
// sees them: without the leading loops that index no A when `drop_leading`,
// each maximal run of swappable loops sorted; with the A-indexing loops
// before `from` as a set, as a number (8 bits of set, 4 of count, 4 per
// outside loop: 44 bits).
std::uint64_t canonical_outside(Tensor a, const Dim* order, std::size_t from, std::size_t live,
                                bool drop_leading, bool halo_reuse) {
  std::uint64_t spanned_set = 0;
  for (std::size_t i = 0; i < from; ++i)
    if (indexes(a, order[i])) spanned_set |= 1u << index(order[i]);
  std::array<Dim, kNumDims> outside{};
  std::size_t count = 0;
  for (std::size_t i = from; i < live; ++i) {
    if (drop_leading && count == 0 && !indexes(a, order[i])) continue;  // changes no A index
    outside[count++] = order[i];
  }
  for (std::size_t begin = 0; begin < count;) {
    const SwapClass c = swap_class(a, outside[begin], halo_reuse);
    std::size_t end = begin + 1;
    if (c != SwapClass::kAlone)
      while (end < count && swap_class(a, outside[end], halo_reuse) == c) ++end;
    for (std::size_t i = begin + 1; i < end; ++i)  // insertion sort of the run
      for (std::size_t j = i; j > begin && index(outside[j]) < index(outside[j - 1]); --j)
        std::swap(outside[j], outside[j - 1]);
    begin = end;
  }
  std::uint64_t s = spanned_set | (static_cast<std::uint64_t>(count) << 8);
  for (std::size_t i = 0; i < count; ++i)
    s |= static_cast<std::uint64_t>(index(outside[i])) << (12 + 4 * i);
  return s;
}

// Appends `order` (its first table.live loops) to `table`, numbering its
// signatures with `numbers` and `deeper_numbers`.
struct Numbering {
  PerTensor<std::unordered_map<std::uint64_t, std::uint32_t>> spans, deeper;
};

void append_order(OrderSignatureTable& table, const std::array<Dim, kNumDims>& order,
                  bool halo_reuse, Numbering& numbering) {
  const std::size_t n = table.live;
  const auto number = [](std::unordered_map<std::uint64_t, std::uint32_t>& m, std::uint64_t s) {
    return m.emplace(s, static_cast<std::uint32_t>(m.size())).first->second;
  };
  table.orders.push_back(order);
  PerTensor<std::array<std::uint32_t, kNumDims + 1>> row{};
  PerTensor<std::uint32_t> deeper{};
  for (Tensor a : kAllTensors) {
    for (std::size_t j = 0; j <= n; ++j)
      row[a][j] = number(numbering.spans[a], buffer_signature(a, order.data(), n, j, halo_reuse));
    deeper[a] = number(numbering.deeper[a], deeper_signature(a, order.data(), n, halo_reuse));
    table.signatures[a] = static_cast<std::uint32_t>(numbering.spans[a].size());
  }
  table.signature.push_back(row);
  table.deeper.push_back(deeper);
}

std::unique_ptr<OrderSignatureTable> build(LiveDims live, bool halo_reuse) {
  auto table = std::make_unique<OrderSignatureTable>();
  std::array<Dim, kNumDims> order{};
  std::size_t n = 0;
  for (Dim d : kAllDims)
    if (live & (1u << index(d))) order[n++] = d;
  table->live = n;
  Numbering numbering;
  const auto less = [](Dim x, Dim y) { return index(x) < index(y); };
  do {
    append_order(*table, order, halo_reuse, numbering);
  } while (
      std::next_permutation(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), less));
  return table;
}

}  // namespace

std::uint64_t buffer_signature(Tensor a, const Dim* order, std::size_t live, std::size_t spanned,
                               bool halo_reuse) {
  return canonical_outside(a, order, spanned, live, true, halo_reuse);
}

std::uint64_t deeper_signature(Tensor a, const Dim* order, std::size_t live, bool halo_reuse) {
  return canonical_outside(a, order, 0, live, false, halo_reuse);
}

OrderSignatureTable fixed_order_table(const std::array<Dim, kNumDims>& order, bool halo_reuse) {
  OrderSignatureTable table;
  table.live = kNumDims;
  Numbering numbering;
  append_order(table, order, halo_reuse, numbering);
  return table;
}

const OrderSignatureTable& order_signature_table(LiveDims live, bool halo_reuse) {
  static std::mutex mutex;
  static std::map<std::pair<LiveDims, bool>, std::unique_ptr<OrderSignatureTable>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<OrderSignatureTable>& slot = cache[{live, halo_reuse}];
  if (!slot) slot = build(live, halo_reuse);
  return *slot;
}

}  // namespace spad
