// Sweep capacities as written on the command line (io/text/capacity_list) and
// decimal ratios (io/text/ratio_text): the forms accepted, and a specific message
// for each bad one.
#include "io/text/capacity_list.hpp"

#include <gtest/gtest.h>

#include "base/error.hpp"
#include "io/text/ratio_text.hpp"

namespace spad {
namespace {

using V = std::vector<Count>;

TEST(CapacityList, RangesListsAndSteps) {
  EXPECT_EQ(parse_capacity_list("1KiB..8KiB:x2", "--buffers"), (V{1024, 2048, 4096, 8192}));
  EXPECT_EQ(parse_capacity_list("1KiB..8KiB", "--buffers"), (V{1024, 2048, 4096, 8192}));
  // The end is included only when the step lands on it.
  EXPECT_EQ(parse_capacity_list("1KiB..5KiB:x2", "--buffers"), (V{1024, 2048, 4096}));
  EXPECT_EQ(parse_capacity_list("100..1000:x3", "--buffers"), (V{100, 300, 900}));
  EXPECT_EQ(parse_capacity_list("1KiB..3KiB:+1KiB", "--buffers"), (V{1024, 2048, 3072}));
  EXPECT_EQ(parse_capacity_list("10..15:+2", "--buffers"), (V{10, 12, 14}));
  // Lists are sorted, each capacity once.
  EXPECT_EQ(parse_capacity_list("16KiB, 4KiB,1MiB,4096", "--buffers"), (V{4096, 16384, 1048576}));
  EXPECT_EQ(parse_capacity_list("1KiB..2KiB,1.5KiB", "--buffers"), (V{1024, 1536, 2048}));
  EXPECT_EQ(parse_capacity_list("7..7", "--buffers"), (V{7}));
  // 1 KiB .. 32 MiB x2: 16 points (the benchmark's range).
  EXPECT_EQ(parse_capacity_list("1KiB..32MiB:x2", "--buffers").size(), 16u);
}

void expect_error(const std::string& text, const std::string& fragment) {
  try {
    parse_capacity_list(text, "--buffers");
    ADD_FAILURE() << text << ": no error";
  } catch (const UserError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("--buffers"), std::string::npos) << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << text << ": " << message;
  }
}

TEST(CapacityList, BadInputNamesTheProblem) {
  expect_error("0..4KiB", "at least 1 byte");
  expect_error("0", "at least 1 byte");
  expect_error("8KiB..1KiB", "above its end 1 KiB");
  expect_error("1KiB..4KiB:x1", "factor 1 never grows");
  expect_error("1KiB..4KiB:x0", "factor 0 never grows");
  expect_error("1KiB..4KiB:+0", "never grows the capacity");
  expect_error("1KiB..4KiB:+0KiB", "at least 1 byte");
  expect_error("1KiB..4KiB:y2", "unknown step");
  expect_error("1KiB..4KiB:", "no step");
  expect_error("1KiB..4KiB:x1.5", "whole number");
  expect_error("..4KiB", "no start");
  expect_error("1KiB..", "no end");
  expect_error("4KiB:x2", "needs a range");
  expect_error("", "no capacity");
  expect_error("1KiB,,2KiB", "empty item");
  expect_error("12 parsecs", "unknown unit");
  // (4 MiB - 1) / 1 + 1 = 4194304 and 1100 points in a range.
  expect_error("1..4MiB:+1", "\"1..4MiB:+1\": 4194304 capacities, more than 1024");
  expect_error("1..1100:+1", "\"1..1100:+1\": 1100 capacities, more than 1024");
}

// The limit is on distinct capacities, and a message quotes the item (a
// range) or the list (items that only together give too many).
TEST(CapacityList, TooManyNamesTheItemOrTheList) {
  expect_error("4KiB, 1B..2000B:+1", "--buffers \"1B..2000B:+1\": 2000 capacities, more than 1024");
  // 600 + 601 = 1201, none shared.
  expect_error("1..600:+1, 1000..1600:+1",
               "--buffers \"1..600:+1, 1000..1600:+1\": 1201 distinct capacities, more than 1024");
  // The same 1024 capacities twice are 1024.
  EXPECT_EQ(parse_capacity_list("1..1024:+1,1..1024:+1", "--buffers").size(), kMaxCapacityPoints);
  // 3000 single sizes: refused while reading (more than twice the limit).
  std::string many = "1";
  for (int i = 2; i <= 3000; ++i) many.append(",").append(std::to_string(i));
  expect_error(many, "distinct capacities, more than 1024");
  // 5000 times one size is one capacity.
  std::string same = "64KiB";
  for (int i = 1; i < 5000; ++i) same += ",64KiB";
  EXPECT_EQ(parse_capacity_list(same, "--buffers"), (V{65536}));
}

// The start of the message: the flag, then the item once (a single size) or
// the item and the bad size within it (a range, a list).
std::string message_of(const std::string& text) {
  try {
    parse_capacity_list(text, "--buffers");
  } catch (const UserError& e) {
    const std::string message = e.what();
    return message.substr(0, message.find(':'));
  }
  return "no error";
}

TEST(CapacityList, BadSizeNamedOnce) {
  EXPECT_EQ(message_of("-1"), "--buffers \"-1\"");
  EXPECT_EQ(message_of("abc"), "--buffers \"abc\"");
  EXPECT_EQ(message_of("4KiB, -1"), "--buffers \"-1\"");
  EXPECT_EQ(message_of("1KiB..-4"), "--buffers \"1KiB..-4\" \"-4\"");
}

TEST(CapacityList, AtMostTheCap) {
  EXPECT_EQ(parse_capacity_list("1..1024:+1", "--buffers").size(), kMaxCapacityPoints);
}

// Several on-chip levels: one set per level, ';' between, outermost first.
TEST(CapacitySets, OneSetPerLevel) {
  using Sets = std::vector<V>;
  EXPECT_EQ(parse_capacity_sets("4KiB,1KiB", "--buffers"), (Sets{V{1024, 4096}}));
  EXPECT_EQ(parse_capacity_sets("512KiB;16KiB..64KiB:x2", "--buffers"),
            (Sets{V{524288}, V{16384, 32768, 65536}}));
  EXPECT_EQ(parse_capacity_sets(" 64B , 32B ; 8B ; 2..4:+1 ", "--buffers"),
            (Sets{V{32, 64}, V{8}, V{2, 3, 4}}));
  // The product of the sets' sizes is what is limited: 32 x 32 = 1024 points
  // pass, 33 x 32 do not.
  EXPECT_EQ(parse_capacity_sets("1..32:+1;1..32:+1", "--buffers").size(), 2u);
  const auto error = [](const std::string& text) {
    try {
      parse_capacity_sets(text, "--buffers");
    } catch (const UserError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("1..33:+1;1..32:+1").find("33 x 32 points"), std::string::npos);
  EXPECT_NE(error("1..33:+1;1..32:+1").find("more than 1024"), std::string::npos);
  EXPECT_NE(error("64B;;8B").find("--buffers (level 2 of 3): no capacity"), std::string::npos);
  EXPECT_NE(error("64B;").find("--buffers (level 2 of 2): no capacity"), std::string::npos);
  EXPECT_NE(error("64B;0..8B").find("--buffers (level 2 of 2) \"0..8B\": a capacity must be"),
            std::string::npos);
  EXPECT_NE(error("1;2;3;4;5").find("5 capacity sets"), std::string::npos);
  EXPECT_NE(error("1;2;3;4;5").find("at most 4 levels"), std::string::npos);
}

TEST(RatioText, ExactDecimals) {
  const Ratio lo{1, 1}, hi{1000, 1};
  EXPECT_EQ(parse_ratio("1.2", "--target-ratio", lo, hi, "x"), (Ratio{12, 10}));
  EXPECT_EQ(parse_ratio("2", "--target-ratio", lo, hi, "x"), (Ratio{2, 1}));
  EXPECT_EQ(parse_ratio("1.25", "--target-ratio", lo, hi, "x"), (Ratio{125, 100}));
  EXPECT_EQ(format_ratio(Ratio{12, 10}), "1.2");
  EXPECT_EQ(format_ratio(Ratio{5, 100}), "0.05");
  EXPECT_EQ(format_ratio(Ratio{2, 1}), "2");
  for (const char* bad : {"", "abc", "1.", ".", "-1", "1e3", "0.9", "1.2.3", "2000"}) {
    EXPECT_THROW(parse_ratio(bad, "--target-ratio", lo, hi, "between 1 and 1000"), UserError)
        << bad;
  }
  EXPECT_THROW(parse_ratio("0", "--knee", Ratio{0, 1}, Ratio{1, 1}, "x"), UserError);
}

}  // namespace
}  // namespace spad
