// Size multisets of a nested tiling (see level_tiling.hpp).
#include "model/level_tiling.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace spad {

void SizeClasses::add(Count s, Count c) {
  if (c == 0) return;
  for (int i = 0; i < n; ++i) {
    if (size[static_cast<std::size_t>(i)] == s) {
      count[static_cast<std::size_t>(i)] = spad::add(count[static_cast<std::size_t>(i)], c);
      return;
    }
  }
  SPAD_CHECK(n < kMax, "SizeClasses: more distinct node sizes than levels allow");
  size[static_cast<std::size_t>(n)] = s;
  count[static_cast<std::size_t>(n)] = c;
  ++n;
}

void SizeClasses::add_scaled(const SizeClasses& other, Count times) {
  if (times == 0) return;
  for (int i = 0; i < other.n; ++i)
    add(other.size[static_cast<std::size_t>(i)],
        mul(other.count[static_cast<std::size_t>(i)], times));
}

Count SizeClasses::total() const {
  Count sum = 0;
  for (int i = 0; i < n; ++i) sum = spad::add(sum, count[static_cast<std::size_t>(i)]);
  return sum;
}

Count SizeClasses::size_sum() const {
  Count sum = 0;
  for (int i = 0; i < n; ++i)
    sum =
        spad::add(sum, mul(size[static_cast<std::size_t>(i)], count[static_cast<std::size_t>(i)]));
  return sum;
}

Count SizeClasses::largest() const {
  Count most = 0;
  for (int i = 0; i < n; ++i) most = std::max(most, size[static_cast<std::size_t>(i)]);
  return most;
}

SizeClasses split(const SizeClasses& parents, Count t) {
  SizeClasses children;
  for (int i = 0; i < parents.n; ++i) {
    const Count s = parents.size[static_cast<std::size_t>(i)];
    const Count c = parents.count[static_cast<std::size_t>(i)];
    children.add(t, mul(s / t, c));
    if (s % t != 0) children.add(s % t, c);
  }
  return children;
}

void DimTiling::assign(Count extent, const std::array<Count, kMaxLevels>& tiles, int levels) {
  SPAD_CHECK(extent >= 1 && levels >= 1 && levels <= static_cast<int>(kMaxLevels),
             "DimTiling: bad extent or level count");
  extent_ = extent;
  levels_ = levels;
  tiles_ = tiles;
  classes_[0] = SizeClasses{};
  classes_[0].add(extent, 1);
  nodes_[0] = 1;
  for (int l = 1; l <= levels; ++l) {
    SPAD_CHECK(tile(l) >= 1 && tile(l) <= extent, "DimTiling: tile out of range");
    classes_[static_cast<std::size_t>(l)] =
        split(classes_[static_cast<std::size_t>(l - 1)], tile(l));
    nodes_[static_cast<std::size_t>(l)] = classes_[static_cast<std::size_t>(l)].total();
  }
  for (int mu = 0; mu <= levels; ++mu) {
    for (int lambda = mu; lambda <= levels; ++lambda) {
      const Count limit = single_trip_limit(mu, lambda);
      single_count_[static_cast<std::size_t>(mu)][static_cast<std::size_t>(lambda)] =
          count_upto(mu, limit);
      single_sum_[static_cast<std::size_t>(mu)][static_cast<std::size_t>(lambda)] =
          size_sum_upto(mu, limit);
    }
  }
}

Count DimTiling::single_trip_limit(int mu, int lambda) const {
  Count limit = kAnySize;
  for (int l = mu + 1; l <= lambda; ++l) limit = std::min(limit, tile(l));
  return limit;
}

Count DimTiling::count_upto(int mu, Count limit) const {
  const SizeClasses& c = classes(mu);
  Count sum = 0;
  for (int i = 0; i < c.n; ++i)
    if (c.size[static_cast<std::size_t>(i)] <= limit)
      sum = add(sum, c.count[static_cast<std::size_t>(i)]);
  return sum;
}

Count DimTiling::size_sum_upto(int mu, Count limit) const {
  const SizeClasses& c = classes(mu);
  Count sum = 0;
  for (int i = 0; i < c.n; ++i)
    if (c.size[static_cast<std::size_t>(i)] <= limit)
      sum =
          add(sum, mul(c.size[static_cast<std::size_t>(i)], c.count[static_cast<std::size_t>(i)]));
  return sum;
}

Count DimTiling::largest(int level) const {
  Count most = extent_;
  for (int l = 1; l <= level; ++l) most = std::min(most, tile(l));
  return most;
}

SizeClasses DimTiling::descendants(Count s, int from, int to) const {
  SizeClasses c;
  c.add(s, 1);
  for (int l = from + 1; l <= to; ++l) c = split(c, tile(l));
  return c;
}

}  // namespace spad
