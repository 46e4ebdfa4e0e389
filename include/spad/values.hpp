// The three values of every question spad answers (public API; part of
// <spad/spad.hpp>): the LAYER (what is computed), the SCHEDULE (how: tiles,
// loop order, one buffer span per array) and the MACHINE (element sizes,
// scratchpad capacity, hardware options); plus the ACCELERATOR (a machine with
// a MAC array, a DMA engine and energies) and the NETWORK (layers in graph
// order). All are plain values: copy them, compare them with ==.
//
// Loop nest (DESIGN.md; dims n g m c p q r s, arrays I W O):
//   O[n][g*M/G+m][p][q] += I[n][g*C/G+c][p*sh + r*dh - pad_t][q*sw + s*dw - pad_l]
//                          * W[g*M/G+m][c][r][s]
//   I is indexed by n g c p q r s, W by g m c r s, O by n g m p q.
//
// LayerSpec   the raw fields: name, N C M H W R S, stride_h/w, dilation_h/w,
//             pad_top/left/bottom/right, groups (all Count = int64_t; defaults
//             N=1, stride 1, dilation 1, pad 0, groups 1).
// Layer       Layer(spec) validates (UserError "layer <name>: field <f> = <v>:
//             why"). P() and Q(): output height/width as ONNX and PyTorch derive
//             them, P = floor((H + pad_top + pad_bottom - dilation_h*(R-1) - 1)
//             / stride_h) + 1 (Q likewise). bound(Dim): trip counts n=N,
//             g=groups, m=M/G, c=C/G, p=P, q=Q, r=R, s=S. size(Tensor) in
//             elements: |I| = N*C*H*W, |W| = M*(C/G)*R*S, |O| = N*M*P*Q.
//             macs() = N*M*(C/G)*R*S*P*Q. A fully-connected layer is
//             H=W=R=S=1.
// Precision   bytes per element: input, weight, output, psum (partial sums);
//             default 1, 1, 1, 4 (int8 data, int32 partial sums: DESIGN.md).
//             Each 1..kMaxElementBytes (16).
// Schedule    tiles (PerDim<Count>, 1 <= t_d <= bound(d); trip count
//             T_d = ceil(D_d / t_d), the last tile may be partial), order (the
//             8 tile loops, INNERMOST FIRST), buffer_span (PerTensor<int>,
//             0..8: A's buffer holds every element of A touched while the k_A
//             innermost tile loops run). validate(schedule, layer) throws
//             UserError naming the field.
// Machine     precision; halo_reuse (a rolling buffer keeps the input rows /
//             columns the next tile shares with this one); double_buffer
//             (every buffer twice over); capacity_bytes (std::optional<Count>,
//             bytes; nullopt = unbounded, every schedule fits).
//             validate(machine) throws UserError.
// Traffic     what a schedule costs (evaluate / simulate): arrays[Tensor::I|W|O]
//             (ArrayTraffic: buffer_elems, buffer_bytes, reads, writes,
//             final_writes, fills, read_bytes, write_bytes; counts in
//             elements unless the name says bytes), traffic_bytes (all reads
//             and writes), buffer_bytes, compulsory_bytes, fits.
// Accelerator name, description, machine (capacity always set), mac_array
//             (unroll per Dim: lanes, 1 = not unrolled), clock_mhz,
//             offchip_bits_per_cycle, dma_setup_cycles (cycles per transfer),
//             energy (integer femtojoules: mac_fj, scratchpad_fj_per_byte,
//             offchip_fj_per_byte). Defaults of the energies (file leaves them
//             out): M. Horowitz, "Computing's energy problem", ISSCC 2014, 45 nm
//             -- MAC 0.3 pJ (8-bit multiply 0.2 + 32-bit add 0.1), SRAM
//             1.25..12.5 pJ/byte by capacity, DRAM 162.5 pJ/byte
//             (model/accelerator.hpp).
// Network     model, source, layers (NetworkLayer: spec, kind LayerKind::conv | fc |
//             matmul (layer_kind_name), bias) in graph order, duplicates included;
//             not_scheduled (other ONNX ops by type), skipped (arithmetic
//             nodes spad does not schedule, with their MACs), warnings, and the
//             precision a quantized model states (optional).
//
// Dim and Tensor are enums (Dim::n..Dim::s, Tensor::I/W/O); PerDim<T> and
// PerTensor<T> are fixed arrays indexed by them (x[Dim::m]).
#pragma once

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/accelerator.hpp"
#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"
#include "workload/layer_kind.hpp"
#include "workload/network.hpp"
#include "workload/precision.hpp"

namespace spad {

// Compile-checked restatements of the validators documented above.
void validate(const Schedule& s, const Layer& layer);
void validate(const Machine& machine);
void validate(const Accelerator& accel);
void validate(const Precision& precision);

}  // namespace spad
