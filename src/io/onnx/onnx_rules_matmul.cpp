// ONNX shape rules: MatMul (and its integer forms, and FusedMatMul's
// transposes of the last two axes) and Gemm (see onnx_rule.hpp).
#include <utility>

#include "base/checked.hpp"
#include "io/onnx/onnx_rule.hpp"

namespace spad::onnx_rules {

void Rule::matmul(int b_index, bool trans_a, bool trans_b) {
  const OnnxShape* a = shape(0);
  const OnnxShape* b = shape(b_index);
  if (!a || !b || a->rank() < 1 || b->rank() < 1) return;
  OnnxShape a2 = *a, b2 = *b;
  if (trans_a && a2.rank() >= 2) std::swap(a2.dims[a2.rank() - 2], a2.dims[a2.rank() - 1]);
  if (trans_b && b2.rank() >= 2) std::swap(b2.dims[b2.rank() - 2], b2.dims[b2.rank() - 1]);
  if (a2.rank() == 1) a2.dims.insert(a2.dims.begin(), num(1));
  if (b2.rank() == 1) b2.dims.push_back(num(1));
  OnnxShape ab{Dims(a2.dims.begin(), a2.dims.end() - 2)};
  OnnxShape bb{Dims(b2.dims.begin(), b2.dims.end() - 2)};
  const std::optional<OnnxShape> batch = broadcast_shapes({&ab, &bb});
  if (!batch)
    node_.fail("batch dimensions of " + shape_text(*a) + " and " + shape_text(*b) +
               " do not broadcast");
  const OnnxDim& k1 = a2.dims[a2.rank() - 1];
  const OnnxDim& k2 = b2.dims[b2.rank() - 2];
  if (k1.value && k2.value && *k1.value != *k2.value)
    node_.fail("operands disagree: " + shape_text(*a) + " x " + shape_text(*b));
  OnnxShape y = *batch;
  if (a->rank() > 1) y.dims.push_back(a2.dims[a2.rank() - 2]);
  if (b->rank() > 1) y.dims.push_back(b2.dims[b2.rank() - 1]);
  set(0, y);
}

void Rule::gemm() {
  const OnnxShape* a = shape(0);
  const OnnxShape* b = shape(1);
  if (!a || !b || a->rank() != 2 || b->rank() != 2) return;
  const bool ta = node_.int_attr("transA").value_or(0) != 0;
  const bool tb = node_.int_attr("transB").value_or(0) != 0;
  set(0, OnnxShape{{a->dims[ta ? 1 : 0], b->dims[tb ? 0 : 1]}});
}

}  // namespace spad::onnx_rules
