// The signature of one dimension's nested tiling (see level_dim_signature.hpp).
#include "model/level_dim_signature.hpp"

#include "model/level_tiling.hpp"

namespace spad {

LevelDimSignature level_dim_signature(Count extent, const std::array<Count, kMaxLevels>& tiles,
                                      int levels) {
  const DimTiling t(extent, tiles, levels);
  LevelDimSignature out;
  for (int l = 0; l <= levels; ++l) out.push_back(t.nodes(l));
  for (int mu = 0; mu <= levels; ++mu) {
    for (int lambda = mu; lambda <= levels; ++lambda) {
      out.push_back(t.single_trip_count(mu, lambda));
      out.push_back(t.single_trip_size_sum(mu, lambda));
    }
  }
  return out;
}

}  // namespace spad
