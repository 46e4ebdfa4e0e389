// A network file's layers of each kind against its input.N (an fc layer's N
// is the batch times its rows per sample, a matmul's N the batch or its
// groups the batch times its heads, as ONNX import writes them).
#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "io/zoo/network_file.hpp"
#include "onnx_model_builder.hpp"

namespace spad {
namespace {

using testing::write_test_file;

std::string sequence_network(Count fc_n, Count matmul_n, Count groups) {
  return R"({"model": "seq", "input": {"N": 2, "C": 64, "H": 10, "W": 1}, "layers": [
    {"name": "fc", "kind": "fc", "N": )" +
         std::to_string(fc_n) + R"(, "C": 64, "M": 64, "H": 1, "W": 1, "R": 1, "S": 1},
    {"name": "mm", "kind": "matmul", "N": )" +
         std::to_string(matmul_n) + R"(, "C": )" + std::to_string(16 * groups) + R"(, "M": )" +
         std::to_string(10 * groups) + R"(, "H": 1, "W": 1, "R": 1, "S": 1,
     "groups": )" +
         std::to_string(groups) + "}]}";
}

std::string error_of(const std::string& file, const std::string& text) {
  try {
    read_network_file(write_test_file(file, text));
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(NetworkFileKinds, SequenceLayersHoldTheBatchTheirWay) {
  // Batch 2, 10 tokens, 4 heads: fc N = 20, matmul N = 10 rows, G = 8.
  EXPECT_EQ(error_of("seq_ok.json", sequence_network(20, 10, 8)), "");
  // The batch in the matmul's N (rows in H would be the built-in form).
  EXPECT_EQ(error_of("seq_n.json", sequence_network(20, 2, 3)), "");
  EXPECT_NE(error_of("seq_fc.json", sequence_network(21, 10, 8))
                .find("layers[0] \"fc\": N = 21 is not a multiple of input.N = 2"),
            std::string::npos);
  EXPECT_NE(error_of("seq_mm.json", sequence_network(20, 5, 3))
                .find("layers[1] \"mm\": N = 5 and groups = 3: neither holds input.N = 2"),
            std::string::npos);
}

}  // namespace
}  // namespace spad
