// The level search's size (method in level_search_size.hpp).
#include "search/level_search_size.hpp"

#include <algorithm>
#include <bit>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_tile_chains.hpp"

namespace spad {
namespace {

Count sat_add(Count a, Count b) { return std::min(kSearchSizeMost, a + b); }
Count sat_mul(Count a, Count b) {
  if (a == 0 || b == 0) return 0;
  return a > kSearchSizeMost / b ? kSearchSizeMost : std::min(kSearchSizeMost, a * b);
}

// patterns[l - 1][mask]: the kept prefixes of depth l whose live pattern is
// `mask` (bit i: the tile at level i + 1 is below the enclosing one).
using Patterns = std::vector<std::vector<Count>>;

// Every canonical chain kept, in closed form (no memory that grows with the
// extent): a prefix of depth l with live pattern `mask` is a strictly
// decreasing sequence of popcount(mask) tiles below the extent (each live
// level takes a smaller tile than the one above it, each no-op level repeats
// it), so there are C(extent - 1, popcount(mask)) of them.
Patterns every_chain(Count extent, std::size_t levels) {
  Patterns out(levels, std::vector<Count>(std::size_t{1} << levels, 0));
  for (std::size_t l = 1; l <= levels; ++l)
    for (std::size_t m = 0; m < (std::size_t{1} << l); ++m)
      out[l - 1][m] = binomial_at_most(extent - 1, std::popcount(m), kSearchSizeMost);
  return out;
}

// Only some chains kept: a walk over the kept prefixes.
void walk(const LevelTileChains& chains, Dim d, Count enclosing, std::vector<Count>& prefix,
          std::size_t mask, std::size_t levels, Patterns& out) {
  if (prefix.size() == levels) return;
  for (Count t : chains.next(d, prefix)) {
    const std::size_t m = t < enclosing ? mask | (std::size_t{1} << prefix.size()) : mask;
    out[prefix.size()][m] = sat_add(out[prefix.size()][m], 1);
    prefix.push_back(t);
    walk(chains, d, t, prefix, m, levels, out);
    prefix.pop_back();
  }
}

// A layer whose only loop longer than 1 is d, of `extent`: its chains of d
// are the search's (a dimension's kept chains depend on its extent and the
// level count alone, search/level_tile_chains).
Layer only(Dim d, Count extent) {
  LayerSpec s{.name = "only"};
  switch (d) {
    case Dim::n:
      s.N = extent;
      break;
    case Dim::g:
      s.groups = s.C = s.M = extent;
      break;
    case Dim::m:
      s.M = extent;
      break;
    case Dim::c:
      s.C = extent;
      break;
    default:
      SPAD_CHECK(false, "level_search_size: not a channel loop");
  }
  return Layer(s);
}

bool has_halo(Dim d) { return d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s; }

Patterns patterns_of(Dim d, Count extent, std::size_t levels, bool kept_chains) {
  // p, q, r, s keep every chain; n, g, m, c with many chains are counted
  // unreduced too (an upper bound), so the count stays fast.
  if (!kept_chains || has_halo(d) || canonical_chains(extent, levels) > kMaxCountedChains)
    return every_chain(extent, levels);
  const LevelTileChains chains(only(d, extent), levels);
  if (chains.kept_chains(d) == chains.all_chains(d)) return every_chain(extent, levels);
  Patterns out(levels, std::vector<Count>(std::size_t{1} << levels, 0));
  std::vector<Count> prefix;
  walk(chains, d, extent, prefix, 0, levels, out);
  return out;
}

// N_1, ..., N_L (header) from each dimension's chain patterns.
std::vector<Count> sizes_from(const PerDim<const Patterns*>& patterns, std::size_t levels,
                              bool fixed_orders) {
  SPAD_CHECK(levels >= 1 && levels <= kMaxLevels, "level_search_size: bad level count");
  std::vector<Count> sizes;
  for (std::size_t l = 1; l <= levels; ++l) {
    // poly[k]: tile vectors of depth l with k_i live loops at level i, k
    // written in base 9 (k_1 lowest).
    std::size_t cells = 1;
    for (std::size_t i = 0; i < l; ++i) cells *= kNumDims + 1;
    std::vector<Count> poly(cells, 0);
    poly[0] = 1;
    for (Dim d : kAllDims) {
      std::vector<Count> next(cells, 0);
      const std::vector<Count>& row = (*patterns[d])[l - 1];
      for (std::size_t k = 0; k < cells; ++k) {
        if (poly[k] == 0) continue;
        for (std::size_t m = 0; m < row.size(); ++m) {
          if (row[m] == 0 || m >> l) continue;
          // Adding one live loop at every level of m: degrees stay <= 8 (8 dimensions).
          std::size_t shifted = k, step = 1;
          for (std::size_t i = 0; i < l; ++i, step *= kNumDims + 1)
            if (m >> i & 1) shifted += step;
          next[shifted] = sat_add(next[shifted], sat_mul(poly[k], row[m]));
        }
      }
      poly = std::move(next);
    }
    Count total = 0;
    for (std::size_t k = 0; k < cells; ++k) {
      Count orders = 1;
      std::size_t rest = k;
      for (std::size_t i = 0; i < l; ++i, rest /= kNumDims + 1) {
        const std::size_t live = rest % (kNumDims + 1);
        if (fixed_orders) continue;
        for (std::size_t f = 2; f <= live; ++f) orders = sat_mul(orders, static_cast<Count>(f));
      }
      total = sat_add(total, sat_mul(poly[k], orders));
    }
    sizes.push_back(total);
  }
  return sizes;
}

}  // namespace

std::vector<Count> level_search_sizes(const Layer& layer, std::size_t levels,
                                      const LevelSearchSpace& space) {
  SPAD_CHECK(levels >= 1 && levels <= kMaxLevels, "level_search_size: bad level count");
  PerDim<Patterns> patterns;
  PerDim<const Patterns*> of;
  for (Dim d : kAllDims) {
    patterns[d] = patterns_of(d, layer.bound(d), levels, true);
    of[d] = &patterns[d];
  }
  return sizes_from(of, levels, space.fixed_orders.has_value());
}

Count level_search_size(const Layer& layer, std::size_t levels, const LevelSearchSpace& space) {
  Count total = 0;
  for (Count n : level_search_sizes(layer, levels, space)) total = sat_add(total, n);
  return total;
}

LevelSubtreeSize::LevelSubtreeSize(std::size_t levels_below, bool fixed_orders)
    : levels_(levels_below), fixed_orders_(fixed_orders) {
  SPAD_CHECK(levels_ >= 1 && levels_ <= kMaxLevels, "level_subtree_size: bad level count");
}

Count LevelSubtreeSize::operator()(const PerDim<Count>& tiles) {
  PerDim<const Patterns*> of;
  for (Dim d : kAllDims) {
    auto it = every_chain_.find(tiles[d]);
    if (it == every_chain_.end())
      it = every_chain_.emplace(tiles[d], every_chain(tiles[d], levels_)).first;
    of[d] = &it->second;
  }
  Count total = 0;
  for (Count n : sizes_from(of, levels_, fixed_orders_)) total = sat_add(total, n);
  return total;
}

namespace {

std::string count_text(Count n) {
  return n >= kSearchSizeMost ? "more than " + std::to_string(kSearchSizeMost)
                              : "up to " + std::to_string(n);
}

constexpr const char* kSmallLayersOnly =
    ": this version's level search visits every level's tiles and loop orders, so it handles "
    "only small layers (a few loops of small extent); give fewer levels or a smaller layer, "
    "or cost a schedule of your own for these levels with spad evaluate or simulate "
    "--schedule S.json (any size)";

}  // namespace

void check_level_search_size(const Layer& layer, std::size_t levels, const LevelSearchSpace& space,
                             Count limit) {
  const std::vector<Count> sizes = level_search_sizes(layer, levels, space);
  if (sizes.front() <= limit) return;
  Count whole = 0;
  for (Count n : sizes) whole = sat_add(whole, n);
  throw UserError("layer " + layer.display_name() + ": the level search over " +
                  std::to_string(levels) + " on-chip levels would visit " + count_text(whole) +
                  " tile x loop order choices (summed over the levels), " +
                  count_text(sizes.front()) + " of them at level 1 alone, more than the " +
                  std::to_string(limit) + " it takes" + kSmallLayersOnly);
}

std::string level_search_refusal(const Layer& layer, std::size_t levels, Count whole, Count level1,
                                 std::size_t searched, Count visited, std::size_t children,
                                 Count remaining, Count limit) {
  std::string text = "layer " + layer.display_name() + ": the level search over " +
                     std::to_string(levels) + " on-chip levels would visit " + count_text(whole) +
                     " tile x loop order choices (summed over the levels), " +
                     std::to_string(level1) + " of them at level 1; ";
  if (searched == 0)
    text += "below the " + std::to_string(children) +
            " level-1 choices its bounds cannot cut before any schedule is found it could visit ";
  else
    text += "after searching below " + std::to_string(searched) + " level-1 choices (" +
            std::to_string(visited) + " choices counted so far), below the " +
            std::to_string(children) + " its bounds still cannot cut it could visit ";
  return text + count_text(remaining) + " more, over the " + std::to_string(limit) +
         " it takes in all" + kSmallLayersOnly;
}

}  // namespace spad
