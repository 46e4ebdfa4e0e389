// The layers the exact search refuses up front (search/search_limits): an
// output extent above 2^16, or an output x kernel product above 2^18 on an
// axis; each error names the axis and the values. Only the check runs here.
#include "search/search_limits.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"

namespace spad {
namespace {

std::string refusal(const LayerSpec& spec) {
  try {
    check_search_limits(Layer(spec));
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(SearchLimits, OutputExtentAndOutputTimesKernel) {
  // P = H - R + 1: 65536 is the limit, 65537 above it.
  EXPECT_EQ(refusal({.name = "a", .H = 65536 + 2, .R = 3}), "");
  EXPECT_NE(refusal({.name = "a", .H = 65537 + 2, .R = 3}).find("P (output height) = 65537"),
            std::string::npos);
  // P x R: 64 x 4096 = 2^18 is taken, 65 x 4096 is not; likewise Q x S.
  EXPECT_EQ(refusal({.name = "b", .H = 64 + 4095, .R = 4096}), "");
  const std::string rows = refusal({.name = "b", .H = 65 + 4095, .R = 4096});
  EXPECT_NE(rows.find("layer 'b': P x R (output height x kernel height) = 65 x 4096"),
            std::string::npos)
      << rows;
  EXPECT_NE(rows.find("262144"), std::string::npos) << rows;
  const std::string cols = refusal({.name = "c", .W = 65536 + 4, .S = 5});
  EXPECT_NE(cols.find("Q x S (output width x kernel width) = 65536 x 5"), std::string::npos)
      << cols;
  EXPECT_EQ(refusal({.name = "c", .W = 65536 + 3, .S = 4}), "");  // 2^16 x 4 = 2^18
}

}  // namespace
}  // namespace spad
