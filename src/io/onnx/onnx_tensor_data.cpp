// Reading the values of small ONNX tensors.
#include "io/onnx/onnx_tensor_data.hpp"

#include <cstring>

#include "base/checked.hpp"
#include "io/onnx/onnx_node.hpp"

namespace spad {
namespace {

using T = onnx::TensorProto;

template <typename V>
std::vector<V> from_raw(const std::string& raw, std::int64_t count) {
  std::vector<V> out(static_cast<std::size_t>(count));
  if (raw.size() != out.size() * sizeof(V)) return {};
  std::memcpy(out.data(), raw.data(),
              raw.size());  // ONNX raw_data is little-endian, as is the host
  return out;
}

template <typename V, typename Out>
bool raw_into(const std::string& raw, std::int64_t count, std::vector<Out>& out) {
  if (raw.size() != static_cast<std::size_t>(count) * sizeof(V)) return false;
  for (V v : from_raw<V>(raw, count)) out.push_back(static_cast<Out>(v));
  return true;
}

}  // namespace

int onnx_element_bytes(int data_type) {
  switch (data_type) {
    case T::INT8:
    case T::UINT8:
    case T::BOOL:
      return 1;
    case T::INT16:
    case T::UINT16:
    case T::FLOAT16:
    case T::BFLOAT16:
      return 2;
    case T::INT32:
    case T::UINT32:
    case T::FLOAT:
      return 4;
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE:
      return 8;
    default:
      return 0;
  }
}

std::optional<std::string> onnx_tensor_size_problem(const onnx::TensorProto& t) {
  if (t.data_location() == T::EXTERNAL) return std::nullopt;
  const int bytes = onnx_element_bytes(t.data_type());
  if (bytes == 0) return std::nullopt;
  std::int64_t count = 1;
  for (std::int64_t d : t.dims()) {
    if (d < 0)
      return "dims " + ints_text({t.dims().begin(), t.dims().end()}) + " has a negative size";
    if (!mul_fits(count, d, &count))
      return "dims " + ints_text({t.dims().begin(), t.dims().end()}) + " are too large";
  }
  const std::string dims = "dims " + ints_text({t.dims().begin(), t.dims().end()});
  const std::string type = onnx_element_name(t.data_type());
  if (t.has_raw_data()) {
    std::int64_t expected = 0;
    if (!mul_fits(count, std::int64_t{bytes}, &expected) ||
        static_cast<std::int64_t>(t.raw_data().size()) != expected)
      return dims + " (" + std::to_string(count) + " " + type + " elements) need " +
             std::to_string(expected) + " bytes of raw_data, but it holds " +
             std::to_string(t.raw_data().size()) + " bytes";
    return std::nullopt;
  }
  std::int64_t found = 0;
  const char* field = "";
  switch (t.data_type()) {
    case T::FLOAT:
      found = t.float_data_size(), field = "float_data";
      break;
    case T::DOUBLE:
      found = t.double_data_size(), field = "double_data";
      break;
    case T::INT64:
      found = t.int64_data_size(), field = "int64_data";
      break;
    case T::UINT32:
    case T::UINT64:
      found = t.uint64_data_size(), field = "uint64_data";
      break;
    default:  // int32, int16, int8, uint16, uint8, bool, float16, bfloat16
      found = t.int32_data_size(), field = "int32_data";
      break;
  }
  if (found != count)
    return dims + " need " + std::to_string(count) + " " + type + " elements, but " + field +
           " holds " + std::to_string(found) + " values";
  return std::nullopt;
}

const char* onnx_element_name(int data_type) {
  switch (data_type) {
    case T::INT8:
      return "int8";
    case T::UINT8:
      return "uint8";
    case T::BOOL:
      return "bool";
    case T::INT16:
      return "int16";
    case T::UINT16:
      return "uint16";
    case T::FLOAT16:
      return "float16";
    case T::BFLOAT16:
      return "bfloat16";
    case T::INT32:
      return "int32";
    case T::UINT32:
      return "uint32";
    case T::FLOAT:
      return "float";
    case T::INT64:
      return "int64";
    case T::UINT64:
      return "uint64";
    case T::DOUBLE:
      return "double";
    default:
      return "unknown";
  }
}

std::optional<OnnxTensorValues> onnx_tensor_values(const onnx::TensorProto& t) {
  if (t.data_location() == T::EXTERNAL) return std::nullopt;
  std::int64_t count = 1;
  for (std::int64_t d : t.dims()) {
    if (d < 0 || d > kMaxFoldedElements) return std::nullopt;
    count *= d;
    if (count > kMaxFoldedElements) return std::nullopt;
  }
  OnnxTensorValues v;
  const std::string& raw = t.raw_data();
  const bool has_raw = t.has_raw_data();
  bool ok = true;
  switch (t.data_type()) {
    case T::INT64:
      if (has_raw)
        ok = raw_into<std::int64_t>(raw, count, v.ints);
      else
        v.ints.assign(t.int64_data().begin(), t.int64_data().end());
      break;
    case T::UINT64:
      if (has_raw)
        ok = raw_into<std::uint64_t>(raw, count, v.ints);
      else
        for (std::uint64_t x : t.uint64_data()) v.ints.push_back(static_cast<std::int64_t>(x));
      break;
    case T::INT32:
    case T::INT16:
    case T::UINT16:
    case T::INT8:
    case T::UINT8:
    case T::BOOL:
      if (has_raw) {
        switch (t.data_type()) {
          case T::INT32:
            ok = raw_into<std::int32_t>(raw, count, v.ints);
            break;
          case T::INT16:
            ok = raw_into<std::int16_t>(raw, count, v.ints);
            break;
          case T::UINT16:
            ok = raw_into<std::uint16_t>(raw, count, v.ints);
            break;
          case T::INT8:
            ok = raw_into<std::int8_t>(raw, count, v.ints);
            break;
          default:
            ok = raw_into<std::uint8_t>(raw, count, v.ints);
            break;
        }
      } else {
        v.ints.assign(t.int32_data().begin(), t.int32_data().end());
      }
      break;
    case T::UINT32:
      if (has_raw)
        ok = raw_into<std::uint32_t>(raw, count, v.ints);
      else
        v.ints.assign(t.uint64_data().begin(), t.uint64_data().end());
      break;
    case T::FLOAT:
      v.real = true;
      if (has_raw)
        ok = raw_into<float>(raw, count, v.reals);
      else
        v.reals.assign(t.float_data().begin(), t.float_data().end());
      break;
    case T::DOUBLE:
      v.real = true;
      if (has_raw)
        ok = raw_into<double>(raw, count, v.reals);
      else
        v.reals.assign(t.double_data().begin(), t.double_data().end());
      break;
    default:
      return std::nullopt;
  }
  const std::size_t n = v.real ? v.reals.size() : v.ints.size();
  if (!ok || n != static_cast<std::size_t>(count)) return std::nullopt;
  return v;
}

}  // namespace spad
