// The kept tile chains per dimension (argument in level_tile_chains.hpp).
#include "search/level_tile_chains.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "base/error.hpp"
#include "model/level_dim_signature.hpp"

namespace spad {
namespace {

bool has_halo(Dim d) { return d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s; }

// Every canonical chain of `levels` tiles, in lexicographic order.
void enumerate_chains(Count extent, std::size_t levels, std::vector<Count>& chain,
                      std::vector<std::vector<Count>>& out) {
  if (chain.size() == levels) {
    out.push_back(chain);
    return;
  }
  const Count top = chain.empty() ? extent : chain.back();
  for (Count t = 1; t <= top; ++t) {
    chain.push_back(t);
    enumerate_chains(extent, levels, chain, out);
    chain.pop_back();
  }
}

bool componentwise_le(const std::vector<Count>& x, const std::vector<Count>& y) {
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] > y[i]) return false;
  return true;
}

}  // namespace

Count binomial_at_most(Count n, Count k, Count cap) {
  SPAD_CHECK(n >= 0 && k >= 0 && cap >= 1, "binomial_at_most: bad arguments");
  if (k > n) return 0;
  // C(n, i + 1) = C(n, i) (n - i) / (i + 1), exact at every step; once a
  // step passes the cap, every later one does too (C(n, i) grows up to
  // i = n / 2 and the loop stops at min(k, n - k)).
  k = std::min(k, n - k);
  __extension__ typedef unsigned __int128 U;
  U c = 1;
  for (Count i = 0; i < k; ++i) {
    c = c * static_cast<U>(n - i) / static_cast<U>(i + 1);
    if (c >= static_cast<U>(cap)) return cap;
  }
  return static_cast<Count>(c);
}

Count canonical_chains(Count extent, std::size_t levels) {
  // Non-increasing sequences of `levels` tiles in 1..extent: multisets,
  // C(extent + levels - 1, levels).
  return binomial_at_most(extent + static_cast<Count>(levels) - 1, static_cast<Count>(levels),
                          kMaxRawChains + 1);
}

LevelTileChains::LevelTileChains(const Layer& layer, std::size_t levels) {
  SPAD_CHECK(levels >= 1 && levels <= kMaxLevels, "LevelTileChains: bad level count");
  for (Dim d : kAllDims) {
    extent_[d] = layer.bound(d);
    reduced_[d] = !has_halo(d);
    all_[d] = canonical_chains(extent_[d], levels);
    kept_[d] = all_[d];
    if (!reduced_[d]) continue;
    // Too many to enumerate: every chain is kept (no reduction, still exact).
    if (all_[d] > kMaxRawChains) {
      reduced_[d] = false;
      continue;
    }
    std::vector<std::vector<Count>> chains;
    std::vector<Count> chain;
    enumerate_chains(extent_[d], levels, chain, chains);
    std::vector<LevelDimSignature> signature;
    signature.reserve(chains.size());
    for (const std::vector<Count>& c : chains) {
      std::array<Count, kMaxLevels> tiles{};
      std::copy(c.begin(), c.end(), tiles.begin());
      signature.push_back(level_dim_signature(extent_[d], tiles, static_cast<int>(levels)));
    }
    // Group by signature, chains in lexicographic order inside a group; a
    // chain is kept unless an earlier one of its group is componentwise no
    // larger (an earlier chain is lexicographically smaller, so only those
    // can be; the kept ones are the minimal elements).
    std::vector<std::size_t> by(chains.size());
    std::iota(by.begin(), by.end(), 0);
    std::stable_sort(by.begin(), by.end(),
                     [&](std::size_t a, std::size_t b) { return signature[a] < signature[b]; });
    kept_[d] = 0;
    for (std::size_t i = 0; i < by.size();) {
      std::size_t j = i;
      while (j < by.size() && signature[by[j]] == signature[by[i]]) ++j;
      std::vector<std::size_t> minimal;
      for (std::size_t k = i; k < j; ++k) {
        const std::vector<Count>& x = chains[by[k]];
        bool dominated = false;
        for (std::size_t m : minimal) dominated = dominated || componentwise_le(chains[m], x);
        if (dominated) continue;
        minimal.push_back(by[k]);
        ++kept_[d];
        for (std::size_t l = 0; l < levels; ++l) {
          std::vector<Count>& next = next_[d][std::vector<Count>(x.begin(), x.begin() + l)];
          if (next.empty() || next.back() != x[l]) next.push_back(x[l]);
        }
      }
      i = j;
    }
    for (auto& [prefix, next] : next_[d]) {
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
    }
  }
}

std::vector<Count> LevelTileChains::next(Dim d, const std::vector<Count>& prefix) const {
  if (!reduced_[d]) {
    const Count top = prefix.empty() ? extent_[d] : prefix.back();
    std::vector<Count> out(static_cast<std::size_t>(top));
    std::iota(out.begin(), out.end(), Count{1});
    return out;
  }
  const auto it = next_[d].find(prefix);
  return it == next_[d].end() ? std::vector<Count>{} : it->second;
}

}  // namespace spad
