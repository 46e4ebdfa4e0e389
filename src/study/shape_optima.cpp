// Distinct shapes and their optima over capacities, answered in parallel.
#include "study/shape_optima.hpp"

#include <algorithm>
#include <memory>

#include "base/parallel_run.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"

namespace spad {

ShapeOptima::ShapeOptima(const std::vector<Network>& networks, const Machine& machine,
                         const std::vector<SearchSpace>& spaces, int threads,
                         std::shared_ptr<const Accelerator> accel, Objective objective)
    : spaces_(spaces.size()), threads_(threads) {
  SPAD_CHECK(!spaces.empty(), "ShapeOptima without a search space");
  std::vector<NetworkLayer> distinct;
  for (const Network& net : networks) {
    std::vector<std::size_t>& map = layer_shape_.emplace_back();
    for (const NetworkLayer& l : net.layers) {
      std::size_t s = 0;
      while (s < distinct.size() && !same_shape(distinct[s], l, machine.precision)) ++s;
      if (s == distinct.size()) distinct.push_back(l);
      map.push_back(s);
    }
  }
  SearchOptions options;
  options.templates = std::make_shared<TemplateCache>();
  options.objective = objective;
  for (const NetworkLayer& l : distinct) {
    shapes_.emplace_back(l.spec);
    // On an accelerator the machine file's sizes hold (study/layer_machine).
    machines_.push_back(accel ? kind_machine(machine, l.kind) : layer_machine(machine, l));
    std::shared_ptr<const Accelerator> own;
    if (accel) own = std::make_shared<const Accelerator>(layer_machine(*accel, l.kind));
    for (const SearchSpace& space : spaces) {
      options.space = space;
      optima_.emplace_back(shapes_.back(), machines_.back(), options, own);
    }
  }
}

std::vector<std::size_t> ShapeOptima::all_shapes() const {
  std::vector<std::size_t> all(shapes_.size());
  for (std::size_t s = 0; s < all.size(); ++s) all[s] = s;
  return all;
}

void ShapeOptima::answer(const std::vector<std::size_t>& shapes,
                         const std::vector<Count>& capacities, const std::function<void()>& done) {
  std::vector<std::size_t> jobs;
  for (std::size_t s : shapes)
    for (std::size_t k = 0; k < spaces_; ++k) jobs.push_back(s * spaces_ + k);
  jobs = largest_first(jobs, [&](std::size_t j) { return shapes_[j / spaces_].macs(); });
  std::vector<Count> descending = capacities;
  std::sort(descending.rbegin(), descending.rend());
  const ThreadSplit split = split_threads(threads_, jobs.size());
  for (std::size_t j : jobs) optima_[j].set_search_threads(split.per_job);
  run_parallel(
      jobs, split.workers,
      [&](std::size_t j) {
        for (Count c : descending) optima_[j].at(c);
      },
      done);
}

void ShapeOptima::run(const std::vector<std::size_t>& shapes,
                      const std::function<void(std::size_t)>& job,
                      const std::function<void()>& done) {
  const std::vector<std::size_t> order =
      largest_first(shapes, [&](std::size_t s) { return shapes_[s].macs(); });
  const ThreadSplit split = split_threads(threads_, order.size());
  for (std::size_t s : order) optima(s).set_search_threads(split.per_job);
  run_parallel(order, split.workers, job, done);
}

Count ShapeOptima::searches() const {
  Count sum = 0;
  for (std::size_t s = 0; s < shapes_.size(); ++s) sum += optima_[s * spaces_].searches();
  return sum;
}

}  // namespace spad
