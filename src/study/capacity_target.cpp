// Target-ratio capacities by exact bisection, and knees over a sweep's
// capacities (the arguments are in the header).
#include "study/capacity_target.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "base/error.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

__extension__ using Wide = __int128;

// traffic <= ratio x compulsory, exactly.
bool meets(Count traffic, Count compulsory, Ratio r) {
  return static_cast<Wide>(traffic) * r.den <= static_cast<Wide>(compulsory) * r.num;
}

std::optional<CapacityPoint> layer_target(CapacityOptima& o, Count compulsory, Ratio r) {
  const auto met = [&](Count capacity) -> std::optional<Count> {
    const SearchResult& at = o.at(capacity);
    if (at.best && meets(at.best->traffic.traffic_bytes, compulsory, r))
      return at.best->traffic.buffer_bytes;
    return std::nullopt;
  };
  Count lo = o.smallest_bytes();
  const std::optional<Count> top = met(o.whole_bytes());
  if (!top) return std::nullopt;
  Count hi = *top;  // met from hi on; not met below lo
  while (lo < hi) {
    const Count mid = lo + (hi - lo) / 2;
    if (const std::optional<Count> b = met(mid)) {
      SPAD_CHECK(*b >= lo && *b <= mid, "target bisection: optimum's buffers outside the interval");
      hi = *b;
    } else {
      lo = mid + 1;
    }
  }
  return CapacityPoint{hi, o.at(hi).best->traffic.traffic_bytes};
}

std::vector<std::size_t> shapes_of(const ShapeOptima& optima, const Network& net, std::size_t n) {
  std::set<std::size_t> set;
  for (std::size_t l = 0; l < net.layers.size(); ++l) set.insert(optima.shape_of(n, l));
  return {set.begin(), set.end()};
}

// The network's traffic at `capacity` (nullopt while a layer does not fit)
// and the largest buffers of its layers' optima there.
struct NetworkPoint {
  std::optional<Count> traffic_bytes;
  Count max_buffer_bytes = 0;
};

NetworkPoint network_point(ShapeOptima& optima, const Network& net, std::size_t n,
                           const std::vector<std::size_t>& shapes, Count capacity) {
  optima.answer(shapes, {capacity});
  NetworkPoint point;
  Count traffic = 0;
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SearchResult& r = optima.optima(optima.shape_of(n, l)).at(capacity);
    if (!r.best) return point;
    traffic = add(traffic, r.best->traffic.traffic_bytes);
    point.max_buffer_bytes = std::max(point.max_buffer_bytes, r.best->traffic.buffer_bytes);
  }
  point.traffic_bytes = traffic;
  return point;
}

std::optional<CapacityPoint> network_target(ShapeOptima& optima, const Network& net, std::size_t n,
                                            Count compulsory, Ratio r) {
  const std::vector<std::size_t> shapes = shapes_of(optima, net, n);
  Count lo = 1, top = 1;
  for (std::size_t s : shapes) {
    lo = std::max(lo, optima.optima(s).smallest_bytes());
    top = std::max(top, optima.optima(s).whole_bytes());
  }
  const auto met = [&](Count capacity) -> std::optional<Count> {
    const NetworkPoint p = network_point(optima, net, n, shapes, capacity);
    if (p.traffic_bytes && meets(*p.traffic_bytes, compulsory, r)) return p.max_buffer_bytes;
    return std::nullopt;
  };
  const std::optional<Count> first = met(top);
  if (!first) return std::nullopt;
  Count hi = *first;
  while (lo < hi) {
    const Count mid = lo + (hi - lo) / 2;
    if (const std::optional<Count> b = met(mid)) {
      SPAD_CHECK(*b >= lo && *b <= mid, "network target bisection: buffers outside the interval");
      hi = *b;
    } else {
      lo = mid + 1;
    }
  }
  return CapacityPoint{hi, *network_point(optima, net, n, shapes, hi).traffic_bytes};
}

bool saves_less(Count traffic, Count doubled, Ratio share) {
  return static_cast<Wide>(traffic - doubled) * share.den < static_cast<Wide>(traffic) * share.num;
}

}  // namespace

TargetCapacities target_capacities(ShapeOptima& optima, const std::vector<Network>& networks,
                                   Ratio ratio, const std::function<void()>& step) {
  SPAD_CHECK(ratio.num >= 1 && ratio.den >= 1, "target ratio not positive");
  TargetCapacities out;
  out.ratio = ratio;
  std::vector<Count> compulsory(optima.shapes());
  for (std::size_t s = 0; s < optima.shapes(); ++s)
    compulsory[s] = compulsory_bytes(optima.layer(s), optima.machine(s).precision);
  std::vector<std::optional<CapacityPoint>> per_shape(optima.shapes());
  optima.run(
      optima.all_shapes(),
      [&](std::size_t s) { per_shape[s] = layer_target(optima.optima(s), compulsory[s], ratio); },
      step);
  for (std::size_t n = 0; n < networks.size(); ++n) {
    std::vector<std::optional<CapacityPoint>>& layers = out.layers.emplace_back();
    Count total = 0;
    for (std::size_t l = 0; l < networks[n].layers.size(); ++l) {
      layers.push_back(per_shape[optima.shape_of(n, l)]);
      total = add(total, compulsory[optima.shape_of(n, l)]);
    }
    out.networks.push_back(network_target(optima, networks[n], n, total, ratio));
    if (step) step();
  }
  return out;
}

Knees knees(ShapeOptima& optima, const std::vector<Network>& networks,
            const std::vector<Count>& capacities, Ratio share, const std::function<void()>& step) {
  SPAD_CHECK(share.num >= 1 && share.den >= 1, "knee share not positive");
  Knees out;
  out.share = share;
  std::vector<Count> points, doubled;
  for (Count c : capacities)
    if (c <= std::numeric_limits<Count>::max() / 2) {
      points.push_back(c);
      doubled.push_back(2 * c);
    }
  optima.answer(optima.all_shapes(), points, step);
  optima.answer(optima.all_shapes(), doubled, step);
  const auto traffic = [&](std::size_t s, Count c) -> std::optional<Count> {
    const SearchResult& r = optima.optima(s).at(c);
    if (!r.best) return std::nullopt;
    return r.best->traffic.traffic_bytes;
  };
  std::vector<std::optional<KneePoint>> per_shape(optima.shapes());
  for (std::size_t s = 0; s < optima.shapes(); ++s)
    for (Count c : points)
      if (const std::optional<Count> t = traffic(s, c)) {
        const Count t2 = *traffic(s, 2 * c);
        if (saves_less(*t, t2, share)) {
          per_shape[s] = KneePoint{c, *t, t2};
          break;
        }
      }
  for (std::size_t n = 0; n < networks.size(); ++n) {
    std::vector<std::optional<KneePoint>>& layers = out.layers.emplace_back();
    for (std::size_t l = 0; l < networks[n].layers.size(); ++l)
      layers.push_back(per_shape[optima.shape_of(n, l)]);
    std::optional<KneePoint>& knee = out.networks.emplace_back();
    for (Count c : points) {
      Count t = 0, t2 = 0;
      bool fits = true;
      for (std::size_t l = 0; l < networks[n].layers.size() && fits; ++l) {
        const std::size_t s = optima.shape_of(n, l);
        const std::optional<Count> a = traffic(s, c);
        if (!a) {
          fits = false;
          break;
        }
        t = add(t, *a);
        t2 = add(t2, *traffic(s, 2 * c));
      }
      if (fits && saves_less(t, t2, share)) {
        knee = KneePoint{c, t, t2};
        break;
      }
    }
  }
  return out;
}

}  // namespace spad
