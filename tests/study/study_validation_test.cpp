// Values built in code, not read from a file, are checked by every library
// entry point that takes them: an Accelerator or a Machine with a bad field
// given to accel_network, compare_accelerators, optimize (on an
// accelerator), accel_cost, sweep, optimize_network or compare_network is a
// UserError naming the field and the value, never a crash (an unroll of 0 used
// to divide by zero: SIGFPE).
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "spad/spad.hpp"

namespace spad {
namespace {

Network one_layer_network() {
  Network net;
  net.model = "one";
  net.layers.push_back({{.name = "conv",
                         .C = 8,
                         .M = 8,
                         .H = 8,
                         .W = 8,
                         .R = 3,
                         .S = 3,
                         .pad_top = 1,
                         .pad_left = 1,
                         .pad_bottom = 1,
                         .pad_right = 1},
                        LayerKind::conv,
                        false});
  return net;
}

Accelerator good_accelerator() {
  Accelerator a;
  a.name = "good";
  a.machine.capacity_bytes = 4096;
  a.mac_array.unroll[Dim::m] = 4;
  a.clock_mhz = 100;
  a.offchip_bits_per_cycle = 32;
  a.energy.mac_fj = 100;
  a.energy.scratchpad_fj_per_byte = 50;
  a.energy.offchip_fj_per_byte = 5000;
  return a;
}

// One bad field each, with the start of the message that must name it.
struct BadAccelerator {
  std::string what;
  std::function<void(Accelerator&)> spoil;
  std::string message_start;
};

std::vector<BadAccelerator> bad_accelerators() {
  return {
      {"unroll 0", [](Accelerator& a) { a.mac_array.unroll[Dim::m] = 0; },
       "mac_array.unroll.m = 0: zero MACs along this loop"},
      {"unroll -2", [](Accelerator& a) { a.mac_array.unroll[Dim::c] = -2; },
       "mac_array.unroll.c = -2: zero MACs along this loop"},
      {"clock 0", [](Accelerator& a) { a.clock_mhz = 0; }, "clock_mhz = 0: the clock must be"},
      {"no bandwidth", [](Accelerator& a) { a.offchip_bits_per_cycle = 0; },
       "offchip.bits_per_cycle = 0: the off-chip interface"},
      {"no capacity", [](Accelerator& a) { a.machine.capacity_bytes.reset(); },
       "scratchpad.capacity_bytes: missing"},
      {"capacity 0", [](Accelerator& a) { a.machine.capacity_bytes = 0; },
       "scratchpad.capacity_bytes = 0: a scratchpad holds at least 1 byte"},
      {"negative energy", [](Accelerator& a) { a.energy.mac_fj = -1; },
       "energy.mac_pj = -1 fJ: an energy cannot be negative"},
  };
}

// Every tile 1: valid for any layer, and it fits any scratchpad the tests use.
Schedule unit_tiles() {
  Schedule s;
  s.tiles = {{1, 1, 1, 1, 1, 1, 1, 1}};
  return s;
}

bool starts_with(const std::string& text, const std::string& start) {
  return text.compare(0, start.size(), start) == 0;
}

// Runs `call` and expects a UserError whose message starts with `start`.
void expect_user_error(const std::function<void()>& call, const std::string& start,
                       const std::string& what) {
  try {
    call();
    ADD_FAILURE() << what << ": no error";
  } catch (const UserError& e) {
    EXPECT_TRUE(starts_with(e.what(), start)) << what << ": " << e.what();
  }
}

TEST(LibraryValidation, AccelNetworkRejectsAnAcceleratorBuiltInCode) {
  const Network net = one_layer_network();
  for (const BadAccelerator& bad : bad_accelerators()) {
    Accelerator accel = good_accelerator();
    bad.spoil(accel);
    for (Objective objective : {Objective::traffic, Objective::latency, Objective::energy}) {
      AccelRunOptions options;
      options.objective = objective;
      options.threads = 1;
      expect_user_error([&] { (void)accel_network(net, {0}, accel, options); }, bad.message_start,
                        bad.what);
    }
    // A given schedule is costed, not searched: checked too.
    AccelRunOptions given;
    given.threads = 1;
    given.given = unit_tiles();
    expect_user_error([&] { (void)accel_network(net, {0}, accel, given); }, bad.message_start,
                      bad.what + " (given schedule)");
  }
}

TEST(LibraryValidation, CompareAcceleratorsNamesTheBadMachine) {
  const Network net = one_layer_network();
  for (const BadAccelerator& bad : bad_accelerators()) {
    Accelerator second = good_accelerator();
    second.name = "second";
    bad.spoil(second);
    AccelRunOptions options;
    options.threads = 1;
    expect_user_error(
        [&] {
          (void)compare_accelerators(net, {0}, {good_accelerator(), second}, {"a.yaml", "b.yaml"},
                                     options);
        },
        "b.yaml: " + bad.message_start, bad.what);
    // One machine alone is checked the same way.
    expect_user_error([&] { (void)compare_accelerators(net, {0}, {second}, {"b.yaml"}, options); },
                      "b.yaml: " + bad.message_start, bad.what + " (one machine)");
  }
}

TEST(LibraryValidation, OptimizeAndAccelCostRejectAnAcceleratorBuiltInCode) {
  const Layer layer(one_layer_network().layers[0].spec);
  for (const BadAccelerator& bad : bad_accelerators()) {
    Accelerator accel = good_accelerator();
    bad.spoil(accel);
    // The search on an accelerator (its machine is the one searched: a
    // missing or zero capacity is then the machine's own message, tested
    // below).
    if (accel.machine.capacity_bytes && *accel.machine.capacity_bytes > 0) {
      SearchOptions options;
      options.threads = 1;
      options.objective = Objective::latency;
      options.accelerator = std::make_shared<const Accelerator>(accel);
      expect_user_error([&] { (void)optimize(layer, accel.machine, options); }, bad.message_start,
                        bad.what + " (optimize)");
    }
    Machine unbounded = accel.machine;
    unbounded.capacity_bytes.reset();
    const Schedule schedule = unit_tiles();
    const Traffic traffic = evaluate(layer, schedule, unbounded);
    expect_user_error([&] { (void)accel_cost(layer, schedule, accel, traffic); }, bad.message_start,
                      bad.what + " (accel_cost)");
  }
}

TEST(LibraryValidation, SweepRejectsAnAcceleratorBuiltInCode) {
  for (const BadAccelerator& bad : bad_accelerators()) {
    if (bad.what == "no capacity" || bad.what == "capacity 0") continue;  // the sweep sets it
    Accelerator accel = good_accelerator();
    bad.spoil(accel);
    SweepOptions options;
    options.capacities = {1024, 4096};
    options.accelerators = {accel};
    options.threads = 1;
    expect_user_error([&] { (void)sweep({one_layer_network()}, options); }, bad.message_start,
                      bad.what);
  }
}

TEST(LibraryValidation, NetworkStudiesRejectAMachineBuiltInCode) {
  const Network net = one_layer_network();
  Machine zero_capacity;
  zero_capacity.capacity_bytes = 0;
  Machine zero_precision;
  zero_precision.capacity_bytes = 4096;
  zero_precision.precision.weight = 0;
  Machine no_capacity;
  SearchOptions options;
  options.threads = 1;
  const std::string capacity = "buffer capacity = 0 bytes: must be positive";
  const std::string precision = "precision w = 0";
  const std::string missing = "optimize needs a scratchpad capacity";
  expect_user_error([&] { (void)optimize_network(net, {0}, zero_capacity, options); }, capacity,
                    "optimize_network, capacity 0");
  expect_user_error([&] { (void)optimize_network(net, {0}, zero_precision, options); }, precision,
                    "optimize_network, precision 0");
  expect_user_error([&] { (void)optimize_network(net, {0}, no_capacity, options); }, missing,
                    "optimize_network, no capacity");
  expect_user_error([&] { (void)compare_network(net, {0}, zero_capacity, 1); }, capacity,
                    "compare_network, capacity 0");
  expect_user_error([&] { (void)compare_network(net, {0}, zero_precision, 1); }, precision,
                    "compare_network, precision 0");
  expect_user_error([&] { (void)compare_network(net, {0}, no_capacity, 1); }, missing,
                    "compare_network, no capacity");
}

}  // namespace
}  // namespace spad
