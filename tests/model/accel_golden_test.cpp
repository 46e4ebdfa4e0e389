// Golden cases for the accelerator cost model (model/accel_cost), derived by
// hand from docs/accelerator.md and, for the traffic it starts from, from
// DESIGN.md's "Exact semantics of traffic" (not from the model's code).
//
// Each test states a small layer, a schedule and an accelerator, and next to
// every expectation its derivation. Conventions of the comments:
//   order is written innermost first, as in Schedule::order;
//   traffic: as in tests/model/model_golden_test.cpp (j*_A, V_A, fills_A);
//   F_d = Σ over the tile positions of d of ceil(extent / u_d) (= D_d if u_d = 1);
//   compute = Π_d F_d;
//   I reads = Π_{d indexes I} D_d · F_m; W reads = Π_{d indexes W} D_d · F_n F_p F_q;
//   O reads = |O| (T_c T_r T_s − 1), psum writes = |O| T_c T_r T_s;
//   dma = fills_I + fills_W + fills_O + O fills that read partial sums back;
//   transfer = ceil(8 · bytes / bits) + dma · setup;
//   exposed = ceil(8 · (first I fill + first W fill) / bits)
//             + ceil(8 · last O write-back / bits) + 3 · setup,
//     buffers at their largest size (one copy), the write-back at output
//     precision;
//   serial = compute + transfer; overlapped = min(serial, max(compute +
//   exposed, transfer)); latency = overlapped with double_buffer, else serial;
//   scratchpad bytes = traffic bytes + datapath bytes (operand reads x element
//   size, O reads and writes at partial-sum size);
//   energy: offchip = fJ/B · traffic, scratchpad = fJ/B · scratchpad bytes,
//   mac = fJ · MACs.
// Default precision: in=1, w=1, out=1, psum=4 bytes.
//
// Then property tests on random layers, schedules and accelerators.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

#include "golden_expect.hpp"
#include "model/accel_cost.hpp"
#include "model/accelerator.hpp"
#include "model/evaluate.hpp"
#include "random_accelerator.hpp"
#include "random_cases.hpp"

namespace spad {
namespace {

using golden::expect_array;
using golden::expect_totals;
using golden::make_schedule;

struct AccelSpec {
  std::initializer_list<std::pair<Dim, Count>> unroll;
  Count bits_per_cycle = 8;
  Count setup = 0;
  bool double_buffer = false;
  Count mac_fj = 0, scratchpad_fj = 0, offchip_fj = 0;
};

Accelerator make_accel(const AccelSpec& spec) {
  Accelerator a;
  a.name = "golden";
  a.machine.capacity_bytes = Count{64} * 1024;
  a.machine.double_buffer = spec.double_buffer;
  for (const auto& [d, u] : spec.unroll) a.mac_array.unroll[d] = u;
  a.clock_mhz = 100;
  a.offchip_bits_per_cycle = spec.bits_per_cycle;
  a.dma_setup_cycles = spec.setup;
  a.energy.mac_fj = spec.mac_fj;
  a.energy.scratchpad_fj_per_byte = spec.scratchpad_fj;
  a.energy.offchip_fj_per_byte = spec.offchip_fj;
  return a;
}

AccelCost cost_of(const Layer& layer, const Schedule& s, const Accelerator& a) {
  return accel_cost(layer, s, a, evaluate(layer, s, a.machine));
}

// N=1, C x M channels, H=W=4, R=S=3, pad 1 all round.
LayerSpec pad1_spec(std::string name, Count C, Count M) {
  return LayerSpec{.name = std::move(name),
                   .C = C,
                   .M = M,
                   .H = 4,
                   .W = 4,
                   .R = 3,
                   .S = 3,
                   .pad_top = 1,
                   .pad_left = 1,
                   .pad_bottom = 1,
                   .pad_right = 1};
}

// ---------------------------------------------------------------------------
// 1. Everything counted by hand: partial last tiles on two unrolled loops (m:
//    6 on tiles of 4, 4 lanes; q: 4 on tiles of 3, 2 lanes), O's partial sums
//    read back.
TEST(AccelGolden, TinyConvCountedByHand) {
  // N=1 C=2 M=6 H=W=4 R=S=3 pad 1: P = Q = (4 + 2 - 3) + 1 = 4.
  // |I| = 2*16 = 32, |W| = 6*2*9 = 108, |O| = 6*16 = 96,
  // MACs = 6*2*9*16 = 1728.
  const Layer layer(pad1_spec("tiny", 2, 6));
  ASSERT_EQ(layer.P(), 4);
  ASSERT_EQ(layer.macs(), 1728);
  // Tiles m=4 (T_m = 2: 4 + 2), c=1 (T_c = 2), q=3 (T_q = 2: 3 + 1), others
  // full (T = 1). Order s r q c m p g n; spans I=2, W=4, O=2.
  const Schedule s =
      make_schedule(layer, "srqcmpgn", {{Dim::m, 4}, {Dim::c, 1}, {Dim::q, 3}}, 2, 4, 2);

  // Traffic (DESIGN.md):
  // I: inside s r; outside q(2) c(2) m(2) p g n; j*_I = q; fills = 2*2*2 = 8;
  //    V_I = T_m = 2 (m outside q). Footprint per (q tile, c), 1 channel:
  //    rows p+r-1 in -1..4 -> 0..3 = 4; q{0,1,2}: cols q+s-1 in -1..3 -> 4 cols
  //    -> 16; q{3}: cols 2..4 -> {2,3} -> 8. Sum over c: 2*(16+8) = 48.
  //    reads = 2*48 = 96 (96 B); buffer 16 elems (16 B).
  // W: inside s r q c; outside m(2) p g n; j*_W = m; fills 2; V_W = T_p T_n = 1;
  //    reads = 108; buffer = 4 m x 2 c x 9 = 72.
  // O: inside s r; outside q(2) c(2) m(2); j*_O = q; V_O = T_c = 2;
  //    writes = 2*96 = 192 (96 final at 1 B, 96 partial at 4 B -> 480 B),
  //    reads = 96 (partial, 384 B); fills = 2*2*2 = 8;
  //    buffer = 4 m x 4 p x 3 q = 48 elems x 4 B = 192 B.
  // traffic = 96 + 108 + 384 + 480 = 1068 B; buffers 16 + 72 + 192 = 280 B;
  // compulsory = 32 (every input is used) + 108 + 96 = 236.
  const Accelerator accel = make_accel({.unroll = {{Dim::m, 4}, {Dim::q, 2}},
                                        .bits_per_cycle = 20,
                                        .setup = 10,
                                        .mac_fj = 300,
                                        .scratchpad_fj = 1250,
                                        .offchip_fj = 162500});
  const Traffic t = evaluate(layer, s, accel.machine);
  expect_array(t, Tensor::I,
               {.buffer_elems = 16,
                .buffer_bytes = 16,
                .reads = 96,
                .writes = 0,
                .final_writes = 0,
                .fills = 8,
                .read_bytes = 96,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 72,
                .buffer_bytes = 72,
                .reads = 108,
                .writes = 0,
                .final_writes = 0,
                .fills = 2,
                .read_bytes = 108,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 48,
                .buffer_bytes = 192,
                .reads = 96,
                .writes = 192,
                .final_writes = 96,
                .fills = 8,
                .read_bytes = 384,
                .write_bytes = 480});
  expect_totals(t, 1068, 280, 236, true);

  const AccelCost c = accel_cost(layer, s, accel, t);
  EXPECT_EQ(c.activity.macs, 1728);
  // F_n = F_g = 1; F_m = ceil(4/4) + ceil(2/4) = 2; F_c = 2; F_p = 4;
  // F_q = ceil(3/2) + ceil(1/2) = 3; F_r = F_s = 3.
  // compute = 2*2*4*3*3*3 = 432 (ideal 1728/8 = 216: half the lanes idle).
  EXPECT_EQ(c.activity.compute_cycles, 432);
  // I reads = N C P Q R S * F_m = 1*2*4*4*3*3 * 2 = 288*2 = 576.
  // W reads = M C R S * F_n F_p F_q = 108 * 1*4*3 = 1296.
  // O reads = 96 * (T_c T_r T_s - 1) = 96 * 1 = 96; psum writes = 96*2 = 192.
  EXPECT_EQ(c.activity.operand_reads[Tensor::I], 576);
  EXPECT_EQ(c.activity.operand_reads[Tensor::W], 1296);
  EXPECT_EQ(c.activity.operand_reads[Tensor::O], 96);
  EXPECT_EQ(c.activity.psum_writes, 192);
  // O tiles: 2 q tiles x 2 m tiles = 4, each filled at c=0 (no read) and c=1
  // (reads partial sums back): 4 read-backs.
  // dma = 8 (I) + 2 (W) + 8 (O write-backs) + 4 (read-backs) = 22.
  EXPECT_EQ(c.activity.dma_transfers, 22);
  // data = ceil(8*1068 / 20) = ceil(427.2) = 428; setup = 22*10 = 220;
  // transfer = 648.
  EXPECT_EQ(c.transfer_data_cycles, 428);
  EXPECT_EQ(c.transfer_setup_cycles, 220);
  EXPECT_EQ(c.transfer_cycles, 648);
  // exposed: first I + W fill = 16 + 72 = 88 B -> ceil(704/20) = ceil(35.2) = 36
  // (fill by fill: ceil(128/20) + ceil(576/20) = 7 + 29 = 36 too);
  // last O write-back = 48 elems x 1 B -> ceil(384/20) = ceil(19.2) = 20;
  // setups 3*10 = 30. exposed = 36 + 20 + 30 = 86.
  EXPECT_EQ(c.exposed_cycles, 86);
  // serial = 432 + 648 = 1080; overlapped = min(1080, max(432 + 86, 648))
  // = 648: the layer runs at the DMA engine's pace.
  EXPECT_EQ(c.latency_serial_cycles, 1080);
  EXPECT_EQ(c.latency_overlapped_cycles, 648);
  EXPECT_EQ(c.latency_cycles, 1080);  // no double buffering: serial
  EXPECT_TRUE(c.memory_bound());      // 648 > 432
  // datapath bytes = 576*1 + 1296*1 + (96 + 192)*4 = 576 + 1296 + 1152 = 3024;
  // scratchpad bytes = 1068 + 3024 = 4092.
  EXPECT_EQ(c.scratchpad_bytes, 4092);
  // offchip = 162500 * 1068 = 173,550,000 fJ; scratchpad = 1250 * 4092 =
  // 5,115,000; mac = 300 * 1728 = 518,400; total = 179,183,400.
  EXPECT_EQ(c.energy.offchip, 173'550'000);
  EXPECT_EQ(c.energy.scratchpad, 5'115'000);
  EXPECT_EQ(c.energy.mac, 518'400);
  EXPECT_EQ(c.energy.total, 179'183'400);

  // Same with double buffering: buffers twice over (I 32, W 144, O 96 elems =
  // 384 B), but the exposed transfers move one copy: 88 B and 48 B as above,
  // exposed = 86. Traffic, activity, energy unchanged; latency = overlapped = 648.
  Accelerator db = accel;
  db.machine.double_buffer = true;
  const Traffic tdb = evaluate(layer, s, db.machine);
  EXPECT_EQ(tdb.buffer_bytes, 32 + 144 + 384);
  EXPECT_EQ(tdb.traffic_bytes, 1068);
  const AccelCost cdb = accel_cost(layer, s, db, tdb);
  EXPECT_EQ(cdb.activity, c.activity);
  EXPECT_EQ(cdb.exposed_cycles, 86);
  EXPECT_EQ(cdb.latency_serial_cycles, 1080);
  EXPECT_EQ(cdb.latency_overlapped_cycles, 648);
  EXPECT_EQ(cdb.latency_cycles, 648);
  EXPECT_EQ(cdb.energy, c.energy);
}

// The layer and schedule of tests 2 and 3.
// N=1 C=4 M=8 H=W=4 R=S=3 pad 1: P = Q = 4; |I| = 64, |W| = 8*4*9 = 288,
// |O| = 128; MACs = 8*4*9*16 = 4608.
// Tiles m=4 (T_m = 2), p=1 (T_p = 4), others full. Order s r q c p m g n;
// spans I=4, W=5, O=4.
// I: inside s r q c; outside p(4) m(2); j*_I = p; fills 4*2 = 8; V_I = T_m = 2.
//    Footprint per p (4 channels, cols q+s-1 in -1..4 -> 4): rows p0 {0,1} = 2,
//    p1 {0,1,2} = 3, p2 {1,2,3} = 3, p3 {2,3} = 2 -> 16*(2+3+3+2) = 160.
//    reads = 320 B; buffer = 48.
// W: inside s r q c p; outside m(2); j*_W = m; fills 2; V_W = 1; reads 288 B;
//    buffer 4*4*9 = 144.
// O: inside s r q c; outside p(4) m(2); j*_O = p; V_O = 1 (c r s inside);
//    writes 128 final (128 B), reads 0, fills 8; buffer 4 m x 1 p x 4 q = 16
//    elems (64 B).
// traffic = 320 + 288 + 128 = 736 B; dma = 8 + 2 + 8 + 0 = 18.
// First I + W fill = 48 + 144 = 192 B; last O write-back = 16 B.
Layer mid_layer() { return Layer(pad1_spec("mid", 4, 8)); }
Schedule mid_schedule(const Layer& layer) {
  return make_schedule(layer, "srqcpmgn", {{Dim::m, 4}, {Dim::p, 1}}, 4, 5, 4);
}

TEST(AccelGolden, MidLayerTraffic) {
  const Layer layer = mid_layer();
  const Traffic t = evaluate(layer, mid_schedule(layer), Machine{});
  EXPECT_EQ(t.arrays[Tensor::I].reads, 320);
  EXPECT_EQ(t.arrays[Tensor::I].fills, 8);
  EXPECT_EQ(t.arrays[Tensor::I].buffer_bytes, 48);
  EXPECT_EQ(t.arrays[Tensor::W].reads, 288);
  EXPECT_EQ(t.arrays[Tensor::W].fills, 2);
  EXPECT_EQ(t.arrays[Tensor::W].buffer_bytes, 144);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 128);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(t.arrays[Tensor::O].fills, 8);
  EXPECT_EQ(t.arrays[Tensor::O].buffer_elems, 16);
  EXPECT_EQ(t.traffic_bytes, 736);
}

// ---------------------------------------------------------------------------
// 2a. Compute-bound. Array: q unrolled on 2 lanes. F_m = 8, F_c = 4, F_p = 4,
//     F_q = ceil(4/2) = 2, F_r = F_s = 3: compute = 8*4*4*2*9 = 2304.
TEST(AccelGolden, ComputeBoundHugeBandwidth) {
  const Layer layer = mid_layer();
  const Schedule s = mid_schedule(layer);
  // 2^30 bits/cycle, no setup: data = ceil(8*736 / 2^30) = 1, setup 0 ->
  // transfer = 1. exposed = ceil(8*192 / 2^30) + ceil(8*16 / 2^30) + 0 = 2.
  // serial = 2304 + 1 = 2305; max(2304 + 2, 1) = 2306 -> overlapped = 2305. Compute is the whole
  // latency but one cycle, either way.
  for (const bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer ? "double buffer" : "single buffer");
    const AccelCost c = cost_of(layer, s,
                                make_accel({.unroll = {{Dim::q, 2}},
                                            .bits_per_cycle = Count{1} << 30,
                                            .setup = 0,
                                            .double_buffer = double_buffer}));
    EXPECT_EQ(c.activity.compute_cycles, 2304);
    EXPECT_EQ(c.activity.dma_transfers, 18);
    EXPECT_EQ(c.transfer_data_cycles, 1);
    EXPECT_EQ(c.transfer_setup_cycles, 0);
    EXPECT_EQ(c.transfer_cycles, 1);
    EXPECT_FALSE(c.memory_bound());
    EXPECT_EQ(c.latency_serial_cycles, 2305);
    EXPECT_EQ(c.latency_overlapped_cycles, 2305);
    EXPECT_EQ(c.latency_cycles, 2305);
  }
}

TEST(AccelGolden, ComputeBoundOverlapHidesTransfers) {
  const Layer layer = mid_layer();
  const Schedule s = mid_schedule(layer);
  // 64 bits/cycle (8 B/cycle), no setup: transfer = 8*736/64 = 92 < 2304.
  // exposed = 8*192/64 + 8*16/64 + 0 = 24 + 2 = 26.
  // serial = 2304 + 92 = 2396; overlapped = min(2396, max(2304 + 26, 92)) = 2330.
  for (const bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer ? "double buffer" : "single buffer");
    const AccelCost c = cost_of(
        layer, s,
        make_accel(
            {.unroll = {{Dim::q, 2}}, .bits_per_cycle = 64, .double_buffer = double_buffer}));
    EXPECT_EQ(c.activity.compute_cycles, 2304);
    EXPECT_EQ(c.transfer_cycles, 92);
    EXPECT_EQ(c.exposed_cycles, 26);
    EXPECT_FALSE(c.memory_bound());
    EXPECT_EQ(c.latency_serial_cycles, 2396);
    EXPECT_EQ(c.latency_overlapped_cycles, 2330);
    // Compute dominates: the overlapped latency is compute plus the exposed part.
    EXPECT_EQ(c.latency_overlapped_cycles, c.activity.compute_cycles + c.exposed_cycles);
    EXPECT_EQ(c.latency_cycles, double_buffer ? 2330 : 2396);
  }
}

// 2b. Memory-bound: 1 bit/cycle, 50 cycles of setup.
TEST(AccelGolden, MemoryBoundOneBitPerCycle) {
  const Layer layer = mid_layer();
  const Schedule s = mid_schedule(layer);
  // data = 8*736 = 5888; setup = 18*50 = 900; transfer = 6788 > 2304.
  // exposed = 8*192 + 8*16 + 3*50 = 1536 + 128 + 150 = 1814.
  // serial = 2304 + 6788 = 9092; overlapped = min(9092, max(2304 + 1814, 6788))
  // = min(9092, max(4118, 6788)) = 6788.
  for (const bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer ? "double buffer" : "single buffer");
    const AccelCost c = cost_of(layer, s,
                                make_accel({.unroll = {{Dim::q, 2}},
                                            .bits_per_cycle = 1,
                                            .setup = 50,
                                            .double_buffer = double_buffer}));
    EXPECT_EQ(c.activity.compute_cycles, 2304);
    EXPECT_EQ(c.transfer_data_cycles, 5888);
    EXPECT_EQ(c.transfer_setup_cycles, 900);
    EXPECT_EQ(c.transfer_cycles, 6788);
    EXPECT_EQ(c.exposed_cycles, 1814);
    EXPECT_TRUE(c.memory_bound());
    EXPECT_EQ(c.latency_serial_cycles, 9092);
    EXPECT_EQ(c.latency_overlapped_cycles, 6788);
    // Transfers dominate: the overlapped latency is the transfer time.
    EXPECT_EQ(c.latency_overlapped_cycles, c.transfer_cycles);
    EXPECT_EQ(c.latency_cycles, double_buffer ? 6788 : 9092);
  }
}

// ---------------------------------------------------------------------------
// 3. How much overlap hides: all compute here, although the exposed transfers
//    alone exceed it; nothing at all when each array moves once (next test).
TEST(AccelGolden, MemoryBoundOverlapHidesAllCompute) {
  const Layer layer = mid_layer();
  const Schedule s = mid_schedule(layer);
  // Array: m on 4 lanes. F_m = ceil(4/4) + ceil(4/4) = 2: compute =
  // 2*4*4*4*3*3 = 1152. 1 bit/cycle, setup 50: transfer = 6788 (as in 2b),
  // exposed = 1814 > compute. serial = 1152 + 6788 = 7940;
  // max(1152 + 1814, 6788) = max(2966, 6788) = 6788 -> overlapped = 6788,
  // the latency with double buffering.
  const AccelCost c = cost_of(
      layer, s,
      make_accel(
          {.unroll = {{Dim::m, 4}}, .bits_per_cycle = 1, .setup = 50, .double_buffer = true}));
  EXPECT_EQ(c.activity.compute_cycles, 1152);
  EXPECT_EQ(c.transfer_cycles, 6788);
  EXPECT_EQ(c.exposed_cycles, 1814);
  EXPECT_EQ(c.latency_serial_cycles, 7940);
  EXPECT_EQ(c.latency_overlapped_cycles, 6788);
  EXPECT_EQ(c.latency_cycles, 6788);
}

TEST(AccelGolden, OneTilePerArrayEverythingExposed) {
  // The layer of test 2, all tiles full, spans 8: each array moved once in one
  // transfer. Traffic: I 64 + W 288 + O 128 (final) = 480 B; dma = 3.
  // 8 bits/cycle, setup 5: transfer = 480 + 3*5 = 495.
  // exposed = (64 + 288) + 128 + 3*5 = 495 = transfer: nothing can be hidden.
  // q on 2 lanes: compute = 2304.
  // serial = 2304 + 495 = 2799 = max(2304 + 495, 495) -> overlapped = 2799.
  const Layer layer = mid_layer();
  const Schedule s = make_schedule(layer, "srqpcmgn", {}, 8, 8, 8);
  const AccelCost c = cost_of(
      layer, s,
      make_accel(
          {.unroll = {{Dim::q, 2}}, .bits_per_cycle = 8, .setup = 5, .double_buffer = true}));
  EXPECT_EQ(c.activity.dma_transfers, 3);
  EXPECT_EQ(c.transfer_cycles, 495);
  EXPECT_EQ(c.exposed_cycles, 495);
  EXPECT_EQ(c.activity.compute_cycles, 2304);
  EXPECT_EQ(c.latency_serial_cycles, 2799);
  EXPECT_EQ(c.latency_overlapped_cycles, 2799);
  EXPECT_EQ(c.latency_cycles, 2799);
}

// ---------------------------------------------------------------------------
// 4. Fully-connected: N=3, C=10 inputs -> M=6 outputs, H=W=R=S=1 (P=Q=1).
//    |I| = 30, |W| = 60, |O| = 18, MACs = 180. Array: c on 4 lanes x m on 4.
TEST(AccelGolden, FullyConnectedUnrolledOnCAndM) {
  const Layer layer(LayerSpec{.name = "fc", .N = 3, .C = 10, .M = 6});
  ASSERT_EQ(layer.P(), 1);
  ASSERT_EQ(layer.macs(), 180);
  // Tiles n=1 (T_n = 3), c=4 (T_c = 3: 4 + 4 + 2), m full (6, T_m = 1).
  // Order n c m g p q r s; spans 0, 0, 0.
  // I: outside n(3) c(3) ...; j*_I = n; fills 9; V_I = T_m = 1;
  //    reads = Σ_n (4 + 4 + 2) = 30 (30 B); buffer 1 n x 4 c = 4.
  // W: outside n(3) c(3) m(1) ...; n does not index W, j*_W = c; fills 3;
  //    V_W = n p q at or outside c = 1; reads 60 (60 B); buffer 4 c x 6 m = 24.
  // O: outside n(3) c(3) ...; j*_O = n; V_O = T_c = 3 (c outside n);
  //    writes 54 (18 final at 1 B + 36 partial at 4 B = 162 B), reads 36 (144 B);
  //    fills 3*3 = 9; buffer 1 n x 6 m = 6 elems (24 B).
  // traffic = 30 + 60 + 144 + 162 = 396 B; buffers 4 + 24 + 24 = 52 B.
  const Schedule s =
      make_schedule(layer, "ncmgpqrs", {{Dim::n, 1}, {Dim::c, 4}, {Dim::m, 6}}, 0, 0, 0);
  const Accelerator accel = make_accel({.unroll = {{Dim::c, 4}, {Dim::m, 4}},
                                        .bits_per_cycle = 32,
                                        .setup = 4,
                                        .mac_fj = 300,
                                        .scratchpad_fj = 2500,
                                        .offchip_fj = 162500});
  const Traffic t = evaluate(layer, s, accel.machine);
  expect_array(t, Tensor::I,
               {.buffer_elems = 4,
                .buffer_bytes = 4,
                .reads = 30,
                .writes = 0,
                .final_writes = 0,
                .fills = 9,
                .read_bytes = 30,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 24,
                .buffer_bytes = 24,
                .reads = 60,
                .writes = 0,
                .final_writes = 0,
                .fills = 3,
                .read_bytes = 60,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 6,
                .buffer_bytes = 24,
                .reads = 36,
                .writes = 54,
                .final_writes = 18,
                .fills = 9,
                .read_bytes = 144,
                .write_bytes = 162});
  expect_totals(t, 396, 52, 30 + 60 + 18, true);

  const AccelCost c = accel_cost(layer, s, accel, t);
  // F_n = 3; F_c = ceil(4/4) + ceil(4/4) + ceil(2/4) = 3; F_m = ceil(6/4) = 2;
  // others 1. compute = 3*3*2 = 18 (ideal 180/16 = 11.25).
  EXPECT_EQ(c.activity.compute_cycles, 18);
  EXPECT_LE(c.activity.macs, c.activity.compute_cycles * 16);
  // I reads = N C * F_m = 30 * 2 = 60; W reads = M C * F_n F_p F_q = 60 * 3 = 180;
  // O reads = 18 * (T_c - 1) = 36; psum writes = 18 * 3 = 54.
  EXPECT_EQ(c.activity.operand_reads[Tensor::I], 60);
  EXPECT_EQ(c.activity.operand_reads[Tensor::W], 180);
  EXPECT_EQ(c.activity.operand_reads[Tensor::O], 36);
  EXPECT_EQ(c.activity.psum_writes, 54);
  // O: 3 tiles (one per n) x 3 visits: 9 write-backs, 6 read-backs.
  // dma = 9 + 3 + 9 + 6 = 27.
  EXPECT_EQ(c.activity.dma_transfers, 27);
  // data = 8*396 / 32 = 99; setup = 27*4 = 108; transfer = 207.
  EXPECT_EQ(c.transfer_data_cycles, 99);
  EXPECT_EQ(c.transfer_setup_cycles, 108);
  EXPECT_EQ(c.transfer_cycles, 207);
  // exposed = 8*(4 + 24)/32 + ceil(8*6/32) + 3*4 = 7 + 2 + 12 = 21.
  EXPECT_EQ(c.exposed_cycles, 21);
  // serial = 18 + 207 = 225; max(18 + 21, 207) = 207 -> overlapped = 207;
  // no double buffering: latency = serial = 225.
  EXPECT_EQ(c.latency_serial_cycles, 225);
  EXPECT_EQ(c.latency_overlapped_cycles, 207);
  EXPECT_EQ(c.latency_cycles, 225);
  EXPECT_TRUE(c.memory_bound());
  // datapath = 60 + 180 + (36 + 54)*4 = 600; scratchpad = 396 + 600 = 996.
  EXPECT_EQ(c.scratchpad_bytes, 996);
  // offchip = 162500*396 = 64,350,000; scratchpad = 2500*996 = 2,490,000;
  // mac = 300*180 = 54,000; total = 66,894,000.
  EXPECT_EQ(c.energy.offchip, 64'350'000);
  EXPECT_EQ(c.energy.scratchpad, 2'490'000);
  EXPECT_EQ(c.energy.mac, 54'000);
  EXPECT_EQ(c.energy.total, 66'894'000);
}

// ---------------------------------------------------------------------------
// Properties on random layers, schedules and accelerators.

struct RandomCase {
  Layer layer;
  Schedule schedule;
  Accelerator accel;
  Traffic traffic;
};

RandomCase random_case(testing::Rng& rng) {
  Layer layer = testing::random_layer(rng, 6);
  Schedule schedule = testing::random_schedule(rng, layer);
  Accelerator accel = testing::random_accelerator(rng, testing::random_machine(rng));
  Traffic traffic = evaluate(layer, schedule, accel.machine);
  return {std::move(layer), schedule, std::move(accel), std::move(traffic)};
}

Count lanes(const MacArray& array) {
  Count product = 1;
  for (Dim d : kAllDims) product *= array.unroll[d];
  return product;
}

TEST(AccelProperty, LatencyBoundsAndChoice) {
  testing::Rng rng(20240611);
  for (int i = 0; i < 3000; ++i) {
    const RandomCase rc = random_case(rng);
    const AccelCost c = accel_cost(rc.layer, rc.schedule, rc.accel, rc.traffic);
    SCOPED_TRACE(i);
    const Count compute = c.activity.compute_cycles;
    ASSERT_GE(c.latency_cycles, std::max(compute, c.transfer_cycles));
    ASSERT_GE(c.latency_overlapped_cycles, std::max(compute, c.transfer_cycles));
    ASSERT_LE(c.latency_overlapped_cycles, c.latency_serial_cycles);
    ASSERT_EQ(c.latency_serial_cycles, compute + c.transfer_cycles);
    ASSERT_EQ(c.transfer_cycles, c.transfer_data_cycles + c.transfer_setup_cycles);
    ASSERT_EQ(c.transfer_setup_cycles, c.activity.dma_transfers * rc.accel.dma_setup_cycles);
    ASSERT_EQ(c.latency_cycles, rc.accel.machine.double_buffer ? c.latency_overlapped_cycles
                                                               : c.latency_serial_cycles);
    ASSERT_EQ(c.memory_bound(), c.transfer_cycles > compute);
  }
}

TEST(AccelProperty, EnergyIsTheSumOfItsParts) {
  testing::Rng rng(77);
  for (int i = 0; i < 3000; ++i) {
    const RandomCase rc = random_case(rng);
    const AccelCost c = accel_cost(rc.layer, rc.schedule, rc.accel, rc.traffic);
    SCOPED_TRACE(i);
    ASSERT_EQ(c.energy.total, c.energy.offchip + c.energy.scratchpad + c.energy.mac);
    ASSERT_EQ(c.energy.offchip, rc.accel.energy.offchip_fj_per_byte * rc.traffic.traffic_bytes);
    ASSERT_EQ(c.energy.mac, rc.accel.energy.mac_fj * rc.layer.macs());
    ASSERT_GE(c.scratchpad_bytes, rc.traffic.traffic_bytes);
  }
}

TEST(AccelProperty, MacsFitInTheLaneSteps) {
  testing::Rng rng(4242);
  for (int i = 0; i < 3000; ++i) {
    const RandomCase rc = random_case(rng);
    const AccelCost c = accel_cost(rc.layer, rc.schedule, rc.accel, rc.traffic);
    SCOPED_TRACE(i);
    ASSERT_EQ(c.activity.macs, rc.layer.macs());
    ASSERT_LE(c.activity.macs, c.activity.compute_cycles * lanes(rc.accel.mac_array));
    // One lane: one MAC per cycle exactly.
    Accelerator scalar = rc.accel;
    scalar.mac_array = MacArray{};
    ASSERT_EQ(accel_cost(rc.layer, rc.schedule, scalar, rc.traffic).activity.compute_cycles,
              rc.layer.macs());
  }
}

TEST(AccelProperty, EnergyIsLinearInEachCoefficient) {
  testing::Rng rng(9001);
  for (int i = 0; i < 1500; ++i) {
    const RandomCase rc = random_case(rng);
    const AccelCost base = accel_cost(rc.layer, rc.schedule, rc.accel, rc.traffic);
    SCOPED_TRACE(i);
    {
      Accelerator a = rc.accel;
      a.energy.offchip_fj_per_byte *= 2;
      const EnergyFj e = accel_cost(rc.layer, rc.schedule, a, rc.traffic).energy;
      ASSERT_EQ(e.offchip, 2 * base.energy.offchip);
      ASSERT_EQ(e.scratchpad, base.energy.scratchpad);
      ASSERT_EQ(e.mac, base.energy.mac);
    }
    {
      Accelerator a = rc.accel;
      a.energy.scratchpad_fj_per_byte *= 2;
      const EnergyFj e = accel_cost(rc.layer, rc.schedule, a, rc.traffic).energy;
      ASSERT_EQ(e.offchip, base.energy.offchip);
      ASSERT_EQ(e.scratchpad, 2 * base.energy.scratchpad);
      ASSERT_EQ(e.mac, base.energy.mac);
    }
    {
      Accelerator a = rc.accel;
      a.energy.mac_fj *= 2;
      const EnergyFj e = accel_cost(rc.layer, rc.schedule, a, rc.traffic).energy;
      ASSERT_EQ(e.offchip, base.energy.offchip);
      ASSERT_EQ(e.scratchpad, base.energy.scratchpad);
      ASSERT_EQ(e.mac, 2 * base.energy.mac);
    }
    {
      // Zero coefficients give zero energy; the sum of two machines' energies
      // is the energy of the machine with the summed coefficients.
      Accelerator zero = rc.accel;
      zero.energy.mac_fj = zero.energy.scratchpad_fj_per_byte = zero.energy.offchip_fj_per_byte = 0;
      EXPECT_EQ(accel_cost(rc.layer, rc.schedule, zero, rc.traffic).energy, EnergyFj{});
      Accelerator other = rc.accel;
      other.energy.mac_fj = 7;
      other.energy.scratchpad_fj_per_byte = 11;
      other.energy.offchip_fj_per_byte = 13;
      Accelerator sum = rc.accel;
      sum.energy.mac_fj += 7;
      sum.energy.scratchpad_fj_per_byte += 11;
      sum.energy.offchip_fj_per_byte += 13;
      const EnergyFj eo = accel_cost(rc.layer, rc.schedule, other, rc.traffic).energy;
      const EnergyFj es = accel_cost(rc.layer, rc.schedule, sum, rc.traffic).energy;
      ASSERT_EQ(es.total, base.energy.total + eo.total);
    }
  }
}

}  // namespace
}  // namespace spad
