// A convolution layer: what is computed (never how). Immutable once built;
// building it validates every field and throws UserError naming the field.
//
// Fully-connected layers and matrix products are the case H=W=R=S=1 (so
// P=Q=1): C inputs -> M outputs, batch N.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

// The name of a layer given without one (an inline --layer C=...,M=...
// without name=, JSON text without "name"): the readers give it this name,
// and every message, table and document names an unnamed layer so.
inline constexpr std::string_view kUnnamedLayer = "(unnamed layer)";

// The raw fields of a layer, as written in a layer file or on the command line.
struct LayerSpec {
  std::string name;
  Count N = 1, C = 1, M = 1, H = 1, W = 1, R = 1, S = 1;
  Count stride_h = 1, stride_w = 1;
  Count dilation_h = 1, dilation_w = 1;
  Count pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
  Count groups = 1;
  friend bool operator==(const LayerSpec&, const LayerSpec&) = default;
};

class Layer {
 public:
  // Validates `spec`; throws UserError("layer <name>: field <f> = <v>: why").
  explicit Layer(LayerSpec spec);

  const LayerSpec& spec() const { return spec_; }
  const std::string& name() const { return spec_.name; }
  // name(), or kUnnamedLayer when it is empty: how messages name the layer.
  std::string display_name() const {
    return spec_.name.empty() ? std::string(kUnnamedLayer) : spec_.name;
  }

  // Output height / width, as ONNX and PyTorch derive them:
  // P = floor((H + pad_top + pad_bottom - dilation_h*(R-1) - 1) / stride_h) + 1.
  Count P() const { return P_; }
  Count Q() const { return Q_; }

  // Trip counts of the eight loops: n=N, g=groups, m=M/groups, c=C/groups,
  // p=P, q=Q, r=R, s=S.
  const PerDim<Count>& bounds() const { return bounds_; }
  Count bound(Dim d) const { return bounds_[d]; }

  // Array sizes in elements: |I| = N*C*H*W, |W| = M*(C/G)*R*S, |O| = N*M*P*Q.
  Count size(Tensor t) const { return sizes_[t]; }

  // Multiply-accumulates: N*M*(C/G)*R*S*P*Q.
  Count macs() const { return macs_; }

  friend bool operator==(const Layer& a, const Layer& b) { return a.spec_ == b.spec_; }

 private:
  LayerSpec spec_;
  Count P_ = 0, Q_ = 0;
  PerDim<Count> bounds_;
  PerTensor<Count> sizes_;
  Count macs_ = 0;
};

// Largest element count spad accepts for N*M*C*P*Q*R*S (the bound on any
// traffic count); beyond it 64-bit byte counts could overflow.
inline constexpr Count kMaxWorkProduct = (Count{1} << 56);

// The largest dilated kernel extent (kernel-1)*dilation+1 along an axis. The
// model's per-axis work grows with it (never with the output extent), so
// this bound keeps every evaluation bounded; real layers stay far below it
// (11x11 kernels, atrous rates of a few dozen). docs/resource-contract.md.
inline constexpr Count kMaxKernelExtent = 4096;

}  // namespace spad
