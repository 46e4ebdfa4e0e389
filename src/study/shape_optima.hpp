// The distinct layer shapes of some networks (study/layer_shapes: all
// LayerSpec fields but the name), each with its exact optima over capacities
// (study/capacity_optima) in one or more search spaces: the whole space, and the fixed spaces of
// the baselines. The shared state of a sweep and of the capacity questions asked after it
// (study/capacity_target), so no (shape, space, capacity) is searched twice.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "study/capacity_optima.hpp"
#include "workload/network.hpp"

namespace spad {

class ShapeOptima {
 public:
  // spaces[0] is the space of the optimum; threads: 0 = all. With `accel`
  // the searches run on it for `objective` (study/capacity_optima).
  ShapeOptima(const std::vector<Network>& networks, const Machine& machine,
              const std::vector<SearchSpace>& spaces, int threads,
              std::shared_ptr<const Accelerator> accel = nullptr,
              Objective objective = Objective::traffic);

  std::size_t shapes() const { return shapes_.size(); }
  std::size_t spaces() const { return spaces_; }
  // The shape of layer `layer` of network `network`.
  std::size_t shape_of(std::size_t network, std::size_t layer) const {
    return layer_shape_.at(network).at(layer);
  }
  CapacityOptima& optima(std::size_t shape, std::size_t space = 0) {
    return optima_.at(shape * spaces_ + space);
  }
  const Layer& layer(std::size_t shape) const { return shapes_.at(shape); }
  // The machine the shape is searched on: the study's, with the element
  // sizes of its layers' kind (study/layer_machine).
  const Machine& machine(std::size_t shape) const { return machines_.at(shape); }

  // Answers the given shapes at every capacity in every space: one job per
  // (shape, space) on the job runner (largest layers first), capacities from
  // the largest down. Afterwards optima(s, k).at(c) for these returns at once.
  // `done` (if set) is called after each job (shapes x spaces calls), on the
  // worker's thread.
  void answer(const std::vector<std::size_t>& shapes, const std::vector<Count>& capacities,
              const std::function<void()>& done = {});

  // Runs job(shape) for each of `shapes` on the job runner (largest layers
  // first), the searches it makes in space 0 on the threads left over;
  // `done` as in answer (one call per shape).
  void run(const std::vector<std::size_t>& shapes, const std::function<void(std::size_t)>& job,
           const std::function<void()>& done = {});

  // All the shapes.
  std::vector<std::size_t> all_shapes() const;

  // Searches run over all shapes in space 0.
  Count searches() const;

 private:
  std::size_t spaces_ = 1;
  int threads_ = 0;
  std::vector<Layer> shapes_;
  std::vector<Machine> machines_;                      // [shape]
  std::vector<std::vector<std::size_t>> layer_shape_;  // [network][layer] -> shape
  std::vector<CapacityOptima> optima_;                 // [shape * spaces + space]
};

}  // namespace spad
