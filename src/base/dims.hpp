// The eight loop dimensions of a convolution and the three arrays it touches,
// with fixed-size containers indexed by them.
//
//   for n in N / for g in G / for m in M/G / for c in C/G
//    for p in P / for q in Q / for r in R / for s in S
//      O[n][g,m][p][q] += I[n][g,c][p*sh + r*dh - pad_t][q*sw + s*dw - pad_l] * W[g,m][c][r][s]
//
// I is indexed by n g c p q r s, W by g m c r s, O by n g m p q.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace spad {

enum class Dim { n, g, m, c, p, q, r, s };
enum class Tensor { I, W, O };

inline constexpr std::size_t kNumDims = 8;
inline constexpr std::size_t kNumTensors = 3;

inline constexpr std::array<Dim, kNumDims> kAllDims = {Dim::n, Dim::g, Dim::m, Dim::c,
                                                       Dim::p, Dim::q, Dim::r, Dim::s};
inline constexpr std::array<Tensor, kNumTensors> kAllTensors = {Tensor::I, Tensor::W, Tensor::O};

constexpr std::size_t index(Dim d) { return static_cast<std::size_t>(d); }
constexpr std::size_t index(Tensor t) { return static_cast<std::size_t>(t); }

constexpr std::string_view dim_name(Dim d) {
  constexpr std::array<std::string_view, kNumDims> names = {"n", "g", "m", "c", "p", "q", "r", "s"};
  return names[index(d)];
}

constexpr std::string_view tensor_name(Tensor t) {
  constexpr std::array<std::string_view, kNumTensors> names = {"I", "W", "O"};
  return names[index(t)];
}

// "n".."s" (lower case, as in the JSON) -> Dim.
constexpr std::optional<Dim> parse_dim(std::string_view text) {
  for (Dim d : kAllDims)
    if (dim_name(d) == text) return d;
  return std::nullopt;
}

constexpr std::optional<Tensor> parse_tensor(std::string_view text) {
  for (Tensor t : kAllTensors)
    if (tensor_name(t) == text) return t;
  return std::nullopt;
}

// Whether loop dimension d indexes array t (DESIGN.md: I <- n g c p q r s,
// W <- g m c r s, O <- n g m p q).
constexpr bool indexes(Tensor t, Dim d) {
  switch (t) {
    case Tensor::I:
      return d != Dim::m;
    case Tensor::W:
      return d != Dim::n && d != Dim::p && d != Dim::q;
    case Tensor::O:
      return d != Dim::c && d != Dim::r && d != Dim::s;
  }
  return false;
}

// The reduction loops of the output: c, r, s.
constexpr bool is_reduction(Dim d) { return !indexes(Tensor::O, d); }

// A value per loop dimension, indexed by Dim.
template <class T>
struct PerDim {
  std::array<T, kNumDims> v{};
  constexpr T& operator[](Dim d) { return v[index(d)]; }
  constexpr const T& operator[](Dim d) const { return v[index(d)]; }
  friend constexpr bool operator==(const PerDim&, const PerDim&) = default;
};

// A value per array, indexed by Tensor.
template <class T>
struct PerTensor {
  std::array<T, kNumTensors> v{};
  constexpr T& operator[](Tensor t) { return v[index(t)]; }
  constexpr const T& operator[](Tensor t) const { return v[index(t)]; }
  friend constexpr bool operator==(const PerTensor&, const PerTensor&) = default;
};

}  // namespace spad
