// The built-in model zoo (data/zoo/*.json, embedded) and network-file parsing:
// every model loads and validates, its MAC and parameter totals equal the
// published figures, hand-derived shapes, and bad files name file, layer, field.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "base/error.hpp"
#include "io/text/network_precision.hpp"
#include "io/zoo/network_file.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

namespace fs = std::filesystem;

// Exact totals of each network's layers (from scripts/zoo/generate_zoo.py and
// checked by hand for AlexNet and ResNet-50): a regression guard on top of the
// comparison with the published, rounded figures below.
struct Expected {
  int convs, fcs;
  Count macs;            // sum of Layer::macs()
  Count weights_biases;  // sum of M*(C/G)*R*S + (bias ? M : 0)
  Count bn_channels;     // sum of M over the conv layers
  int matmuls = 0;       // products of two activations (no weights)
};

const std::map<std::string, Expected>& expected() {
  static const std::map<std::string, Expected> table = {
      {"alexnet", {5, 3, 714'188'480, 61'100'840, 1'152}},
      {"vgg16", {13, 3, 15'470'264'320, 138'357'544, 4'224}},
      {"resnet18", {20, 1, 1'814'073'344, 11'679'912, 4'800}},
      {"resnet50", {53, 1, 4'089'184'256, 25'503'912, 26'560}},
      {"mobilenet_v1", {27, 1, 568'740'352, 4'210'088, 10'944}},
      {"mobilenet_v2", {52, 1, 300'774'272, 3'470'760, 17'056}},
      {"squeezenet1_1", {26, 0, 349'151'936, 1'235'496, 3'944}},
      {"googlenet", {57, 1, 1'498'376'192, 6'610'344, 7'280}},
      {"convnext_tiny", {58, 1, 4'455'531'264, 28'566'184, 41'184}},
      {"vit_b_16", {49, 1, 17'563'828'224, 86'377'192, 83'712, 24}},
      {"tc_resnet8", {10, 1, 1'563'264, 64'524, 328}},
  };
  return table;
}

Count layer_params(const NetworkLayer& l) {
  if (l.kind == LayerKind::matmul) return 0;  // both operands are activations
  const LayerSpec& s = l.spec;
  return s.M * (s.C / s.groups) * s.R * s.S + (l.bias ? s.M : 0);
}

Count round_to(Count value, Count unit) { return (value + unit / 2) / unit * unit; }

const NetworkLayer& find(const Network& net, const std::string& name) {
  for (const NetworkLayer& l : net.layers)
    if (l.spec.name == name) return l;
  throw std::runtime_error(net.model + " has no layer " + name);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The UserError message of f(), or a test failure.
template <class F>
std::string user_error(F&& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a UserError";
  return "";
}

TEST(ZooModels, NamesAreTheElevenNetworks) {
  EXPECT_EQ(zoo_model_names(),
            (std::vector<std::string>{"alexnet", "convnext_tiny", "googlenet", "mobilenet_v1",
                                      "mobilenet_v2", "resnet18", "resnet50", "squeezenet1_1",
                                      "tc_resnet8", "vgg16", "vit_b_16"}));
}

TEST(ZooModels, EmbeddedTextMatchesDataFiles) {
  // The committed src/io/zoo/network_file.zoo.inc must be regenerated
  // (scripts/zoo/embed_zoo.py) whenever data/zoo/*.json changes.
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(fs::path(SPAD_SOURCE_DIR) / "data" / "zoo")) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().stem().string();
    on_disk.insert(name);
    const auto text = zoo_model_text(name);
    ASSERT_TRUE(text.has_value()) << name << ".json is not embedded: run scripts/zoo/embed_zoo.py";
    EXPECT_EQ(std::string(*text), read_file(entry.path()))
        << name << ".json changed: run scripts/zoo/embed_zoo.py";
  }
  const auto names = zoo_model_names();
  EXPECT_EQ(on_disk, std::set<std::string>(names.begin(), names.end()));
}

TEST(ZooModels, EachLoadsAndEveryLayerValidates) {
  for (const std::string& name : zoo_model_names()) {
    SCOPED_TRACE(name);
    const Network net = load_zoo_model(name);
    EXPECT_EQ(net.model, name);
    EXPECT_FALSE(net.source.empty());
    ASSERT_TRUE(net.input.has_value());
    EXPECT_EQ(net.input->N, 1);
    // The image networks take 224x224; TC-ResNet8 40 MFCCs x 101 frames.
    EXPECT_EQ(net.input->H, name == "tc_resnet8" ? 1 : 224);
    EXPECT_EQ(net.input->W, name == "tc_resnet8" ? 101 : 224);
    ASSERT_FALSE(net.layers.empty());
    // The first layer reads the network input.
    EXPECT_EQ(net.layers.front().spec.C, net.input->C);
    EXPECT_EQ(net.layers.front().spec.H, net.input->H);
    EXPECT_EQ(net.layers.front().spec.W, net.input->W);
    std::set<std::string> names;
    int convs = 0, fcs = 0, matmuls = 0;
    for (const NetworkLayer& l : net.layers) {
      SCOPED_TRACE(l.spec.name);
      EXPECT_NO_THROW(Layer{l.spec});
      EXPECT_TRUE(names.insert(l.spec.name).second) << "duplicate layer name";
      EXPECT_EQ(l.spec.N, 1);
      if (l.kind == LayerKind::fc) {
        ++fcs;
        const Layer layer(l.spec);
        EXPECT_EQ(layer.P(), 1);
        EXPECT_EQ(layer.Q(), 1);
        EXPECT_EQ(l.spec.R * l.spec.S * l.spec.groups, 1);
      } else if (l.kind == LayerKind::matmul) {
        ++matmuls;
        EXPECT_EQ(l.spec.W * l.spec.R * l.spec.S, 1);
      } else {
        EXPECT_EQ(l.kind, LayerKind::conv);
        ++convs;
      }
    }
    EXPECT_EQ(convs, expected().at(name).convs);
    EXPECT_EQ(fcs, expected().at(name).fcs);
    EXPECT_EQ(matmuls, expected().at(name).matmuls);
  }
}

TEST(ZooModels, MacsEqualThePublishedFigure) {
  // Published MACs (torchvision's _ops, the MobileNet paper) are rounded: the
  // exact sum over the layers, rounded the same way, must equal them.
  for (const std::string& name : zoo_model_names()) {
    SCOPED_TRACE(name);
    const Network net = load_zoo_model(name);
    Count macs = 0;
    for (const NetworkLayer& l : net.layers) macs += Layer(l.spec).macs();
    EXPECT_EQ(macs, expected().at(name).macs);
    if (name == "tc_resnet8") {  // the paper gives only rounded totals of its own counting
      EXPECT_EQ(net.reference_macs, 0);
      continue;
    }
    ASSERT_GT(net.reference_macs, 0);
    EXPECT_EQ(round_to(macs, net.reference_macs_rounded_to), net.reference_macs);
    EXPECT_LE(net.reference_macs_rounded_to, 1'000'000);  // at least 3 significant digits
  }
}

TEST(ZooModels, ParamsEqualThePublishedFigure) {
  // Published params = conv/fc weights + biases + BatchNorm parameters; BN
  // follows every conv (none after an fc), bn_params_per_channel per channel.
  for (const std::string& name : zoo_model_names()) {
    SCOPED_TRACE(name);
    const Network net = load_zoo_model(name);
    Count params = 0, bn_channels = 0;
    for (const NetworkLayer& l : net.layers) {
      params += layer_params(l);
      if (l.kind == LayerKind::conv) bn_channels += l.spec.M;
    }
    EXPECT_EQ(params, expected().at(name).weights_biases);
    EXPECT_EQ(bn_channels, expected().at(name).bn_channels);
    if (name == "tc_resnet8") continue;  // no exact published count
    ASSERT_GT(net.reference_params, 0);
    EXPECT_EQ(net.reference_params_rounded_to, 1);  // every published count here is exact
    EXPECT_EQ(
        params + net.reference_bn_params_per_channel * bn_channels + net.reference_other_params,
        net.reference_params);
  }
}

// The published figures for the transformer-era networks, written out here
// independently of the files. Source: torchvision's model table / weight
// metadata (ConvNeXt_Tiny_Weights.IMAGENET1K_V1: 28,589,128 params, 4.456
// GFLOPS; ViT_B_16_Weights.IMAGENET1K_V1: 86,567,656 params, 17.564 GFLOPS),
// where "GFLOPS" is the multiply-accumulate count of conv and linear layers
// (and, for ViT, attention's two matrix products) in units of 1e9.
TEST(ZooModels, ConvNeXtAndViTMatchTorchvisionsPublishedFigures) {
  const auto macs = [](const char* name) {
    Count sum = 0;
    for (const NetworkLayer& l : load_zoo_model(name).layers) sum += Layer(l.spec).macs();
    return sum;
  };
  EXPECT_EQ(round_to(macs("convnext_tiny"), 1'000'000), 4'456'000'000);
  EXPECT_EQ(round_to(macs("vit_b_16"), 1'000'000), 17'564'000'000);
  // One ViT attention product by hand: Q.K^T of 12 heads, [197, 64] x [64, 197]:
  // 12 * 197 * 197 * 64 = 12 * 38,809 * 64 = 29,805,312 MACs.
  const Network vit = load_zoo_model("vit_b_16");
  EXPECT_EQ(Layer(find(vit, "encoder.layers.encoder_layer_0.self_attention.scores").spec).macs(),
            29'805'312);
  // Params beyond the conv/fc weights: ConvNeXt-T's LayerNorms (2 * (96 + 96 + 192 + 384
  // + 768) after stem / before downsamples / classifier, 2 per channel in each block)
  // and layer scales (1 per channel per block): 2*1536 + 3*(3*96 + 3*192 + 9*384 + 3*768)
  // = 3,072 + 19,872 = 22,944. ViT-B/16: class token 768 + position embedding 197*768
  // + 25 LayerNorms * 2 * 768 = 768 + 151,296 + 38,400 = 190,464.
  EXPECT_EQ(load_zoo_model("convnext_tiny").reference_other_params, 22'944);
  EXPECT_EQ(vit.reference_other_params, 190'464);
}

TEST(ZooModels, PublishedParamsAsStated) {
  // The published figures, independently of the files: networks without BN
  // match exactly; with BN the layers are the published count minus BN.
  const auto params = [](const char* name) {
    Count sum = 0;
    for (const NetworkLayer& l : load_zoo_model(name).layers) sum += layer_params(l);
    return sum;
  };
  EXPECT_EQ(params("alexnet"), 61'100'840);
  EXPECT_EQ(params("vgg16"), 138'357'544);
  EXPECT_EQ(params("squeezenet1_1"), 1'235'496);
  EXPECT_EQ(params("resnet18"), 11'689'512 - 2 * 4'800);
  EXPECT_EQ(params("resnet50"), 25'557'032 - 2 * 26'560);
  EXPECT_EQ(params("mobilenet_v2"), 3'504'872 - 2 * 17'056);
  EXPECT_EQ(params("googlenet"), 6'624'904 - 2 * 7'280);
  EXPECT_EQ(params("mobilenet_v1"), 4'253'864 - 4 * 10'944);  // Keras: 4 per BN channel
  EXPECT_EQ(params("mobilenet_v1") + 2 * 10'944, 4'231'976);  // Keras trainable
}

TEST(ZooModels, ResNet50Shapes) {
  const Network net = load_zoo_model("resnet50");
  EXPECT_EQ(net.layers.size(), 54u);
  const Layer conv1(find(net, "conv1").spec);  // 7x7/2 pad 3 on 224: 112
  EXPECT_EQ(conv1.P(), 112);
  // layer4's first 3x3 conv takes the 14x14 map to 7x7 (v1.5: stride in the 3x3).
  const NetworkLayer& l40 = find(net, "layer4.0.conv2");
  EXPECT_EQ(l40.spec.H, 14);
  EXPECT_EQ(l40.spec.stride_h, 2);
  EXPECT_EQ(l40.spec.C, 512);
  EXPECT_EQ(Layer(l40.spec).P(), 7);
  EXPECT_EQ(Layer(l40.spec).Q(), 7);
  EXPECT_EQ(find(net, "layer4.0.conv1").spec.stride_h, 1);
  EXPECT_EQ(Layer(find(net, "layer4.2.conv2").spec).P(), 7);
  // The shortcut of layer2.0: 1x1/2 from 256 x 56x56 to 512 x 28x28, listed last in its block.
  const NetworkLayer& ds = find(net, "layer2.0.downsample.0");
  EXPECT_EQ(ds.spec.C, 256);
  EXPECT_EQ(ds.spec.M, 512);
  EXPECT_EQ(ds.spec.H, 56);
  EXPECT_EQ(Layer(ds.spec).P(), 28);
  int downsample = 0;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    if (net.layers[i].spec.name.find("downsample") == std::string::npos) continue;
    ++downsample;
    EXPECT_NE(net.layers[i - 1].spec.name.find(".conv3"), std::string::npos);
  }
  EXPECT_EQ(downsample, 4);
  const NetworkLayer& fc = net.layers.back();
  EXPECT_EQ(fc.kind, LayerKind::fc);
  EXPECT_EQ(fc.spec.C, 2048);
  EXPECT_EQ(fc.spec.M, 1000);
  EXPECT_TRUE(fc.bias);
  EXPECT_FALSE(find(net, "conv1").bias);
}

TEST(ZooModels, MobileNetV2Shapes) {
  const Network net = load_zoo_model("mobilenet_v2");
  int depthwise = 0;
  for (const NetworkLayer& l : net.layers) {
    if (l.spec.groups == 1) continue;
    ++depthwise;
    EXPECT_EQ(l.spec.groups, l.spec.C);
    EXPECT_EQ(l.spec.groups, l.spec.M);
    EXPECT_EQ(l.spec.R, 3);
  }
  EXPECT_EQ(depthwise, 17);
  // features.1 (t = 1): depthwise 32 on 112x112, then 32 -> 16.
  EXPECT_EQ(find(net, "features.1.conv.0.0").spec.groups, 32);
  EXPECT_EQ(find(net, "features.1.conv.1").spec.M, 16);
  // features.14: expand 96 -> 576, depthwise stride 2 on 14x14 -> 7x7.
  const NetworkLayer& dw = find(net, "features.14.conv.1.0");
  EXPECT_EQ(dw.spec.C, 576);
  EXPECT_EQ(dw.spec.H, 14);
  EXPECT_EQ(Layer(dw.spec).P(), 7);
  const NetworkLayer& last = find(net, "features.18.0");
  EXPECT_EQ(last.spec.C, 320);
  EXPECT_EQ(last.spec.M, 1280);
  EXPECT_EQ(last.spec.H, 7);
  EXPECT_EQ(net.layers.back().spec.C, 1280);
}

TEST(ZooModels, MobileNetV1Shapes) {
  const Network net = load_zoo_model("mobilenet_v1");
  // TensorFlow SAME padding at stride 2: nothing before, one after.
  const LayerSpec& conv1 = find(net, "conv1").spec;
  EXPECT_EQ(conv1.pad_top, 0);
  EXPECT_EQ(conv1.pad_left, 0);
  EXPECT_EQ(conv1.pad_bottom, 1);
  EXPECT_EQ(conv1.pad_right, 1);
  EXPECT_EQ(Layer(conv1).P(), 112);
  EXPECT_EQ(Layer(find(net, "conv_dw_12").spec).P(), 7);  // 14 -> 7
  const LayerSpec& dw13 = find(net, "conv_dw_13").spec;   // stride 1 (Table 1's s2 is a typo)
  EXPECT_EQ(dw13.H, 7);
  EXPECT_EQ(dw13.stride_h, 1);
  EXPECT_EQ(dw13.groups, 1024);
  EXPECT_EQ(Layer(dw13).P(), 7);
  EXPECT_EQ(find(net, "conv_pw_13").spec.M, 1024);
}

TEST(ZooModels, GoogLeNetAlexNetVggSqueezeNetShapes) {
  const Network g = load_zoo_model("googlenet");
  const LayerSpec& b3 = find(g, "inception3a.branch3.1.conv").spec;  // torchvision: 3x3, not 5x5
  EXPECT_EQ(b3.R, 3);
  EXPECT_EQ(b3.C, 16);
  EXPECT_EQ(b3.M, 32);
  EXPECT_EQ(b3.H, 28);
  EXPECT_EQ(find(g, "inception3b.branch1.conv").spec.C, 256);
  EXPECT_EQ(find(g, "inception4a.branch1.conv").spec.H, 14);
  EXPECT_EQ(find(g, "inception5b.branch4.1.conv").spec.C, 832);
  EXPECT_EQ(find(g, "inception5b.branch4.1.conv").spec.H, 7);
  EXPECT_EQ(g.layers.back().spec.C, 1024);

  const Network a = load_zoo_model("alexnet");
  EXPECT_EQ(Layer(find(a, "features.0").spec).P(), 55);  // (224 + 4 - 11) / 4 + 1
  EXPECT_EQ(find(a, "features.3").spec.H, 27);
  EXPECT_EQ(find(a, "classifier.1").spec.C, 256 * 6 * 6);

  const Network v = load_zoo_model("vgg16");
  EXPECT_EQ(find(v, "features.28").spec.H, 14);
  EXPECT_EQ(find(v, "classifier.0").spec.C, 512 * 7 * 7);

  const Network s = load_zoo_model("squeezenet1_1");
  EXPECT_EQ(Layer(find(s, "features.0").spec).P(), 111);  // 3x3/2, no pad
  EXPECT_EQ(find(s, "features.3.squeeze").spec.H, 55);    // ceil-mode pool
  EXPECT_EQ(find(s, "features.12.expand3x3").spec.H, 13);
  EXPECT_EQ(find(s, "classifier.1").spec.C, 512);
  EXPECT_EQ(find(s, "classifier.1").spec.H, 13);
}

TEST(ZooModels, NamesAreCaseInsensitiveAndTyposSuggested) {
  EXPECT_EQ(load_zoo_model("ResNet50").model, "resnet50");
  const std::string msg = user_error([] { load_zoo_model("resnet5O"); });
  EXPECT_NE(msg.find("resnet50"), std::string::npos) << msg;
  EXPECT_NE(msg.find("mobilenet_v2"), std::string::npos) << msg;  // lists the models
  EXPECT_FALSE(zoo_model_text("nope").has_value());
}

// --- Network files written by users -------------------------------------------

class ZooNetworkFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("spad_zoo_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& text) {
    const std::string path = (dir_ / "net.json").string();
    std::ofstream(path) << text;
    return path;
  }

  // A two-layer network with `second` as the second layer.
  std::string with_layer(const std::string& second, const std::string& top_extra = "") {
    return write(R"({"model": "tiny", )" + top_extra +
                 R"("layers": [{"name": "c1", "kind": "conv", "C": 3, "M": 8, "H": 16, "W": 16, )"
                 R"("R": 3, "S": 3, "pad": [1, 1, 1, 1]}, )" +
                 second + "]}");
  }

  // Reads `path`, expects a UserError mentioning the file and every `parts`.
  void expect_error(const std::string& path, std::initializer_list<std::string> parts) {
    const std::string msg = user_error([&] { read_network_file(path); });
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    for (const std::string& p : parts)
      EXPECT_NE(msg.find(p), std::string::npos) << p << ": " << msg;
  }

  fs::path dir_;
};

TEST_F(ZooNetworkFile, ValidFileWithDefaults) {
  const Network net = read_network_file(
      with_layer(R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "bias": true})",
                 R"("input": {"N": 1, "C": 3, "H": 16, "W": 16}, )"));
  EXPECT_EQ(net.model, "tiny");
  ASSERT_EQ(net.layers.size(), 2u);
  EXPECT_EQ(net.layers[0].kind, LayerKind::conv);
  EXPECT_FALSE(net.layers[0].bias);
  EXPECT_EQ(net.layers[1].kind, LayerKind::fc);
  EXPECT_TRUE(net.layers[1].bias);
  EXPECT_EQ(net.layers[1].spec.name, "layers[1]");  // unnamed: its position
  EXPECT_EQ(net.reference_macs, 0);
  ASSERT_TRUE(net.input.has_value());
  EXPECT_EQ(net.input->C, 3);
}

// An fc layer may be grouped (ONNX import of a MatMul by a batched weight):
// G weight slices, C and M divisible by G; other groups are refused by name.
TEST_F(ZooNetworkFile, GroupedFcLayers) {
  const Network net = read_network_file(with_layer(
      R"({"C": 16, "M": 12, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "groups": 2})"));
  EXPECT_EQ(net.layers[1].kind, LayerKind::fc);
  EXPECT_EQ(net.layers[1].spec.groups, 2);
  expect_error(
      with_layer(
          R"({"C": 16, "M": 12, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "groups": 3})"),
      {"layers[1]", "groups = 3 does not divide C = 16"});
  expect_error(
      with_layer(
          R"({"C": 16, "M": 12, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "groups": 0})"),
      {"layers[1]", "groups = 0", "positive"});
  expect_error(with_layer(R"({"C": 16, "M": 12, "H": 2, "W": 1, "R": 1, "S": 1, "kind": "fc"})"),
               {"layers[1]", "kind \"fc\" needs H = W = R = S = 1", "H = 2"});
}

TEST_F(ZooNetworkFile, KindDefaultsToConvAndBiasToFalse) {
  const Network net = read_network_file(
      write(R"({"model": "m", "layers": [{"C": 4, "M": 4, "H": 5, "W": 5, "R": 3, "S": 3}]})"));
  EXPECT_EQ(net.layers[0].kind, LayerKind::conv);
  EXPECT_FALSE(net.layers[0].bias);
}

// A layer's own element sizes (a mixed-precision network), missing keys at
// the defaults; --precision keys go on top (io/text/network_precision).
TEST_F(ZooNetworkFile, ALayerMayStateItsOwnSizes) {
  Network net = read_network_file(with_layer(
      R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "precision": {"out": 4, "w": 2}})"));
  EXPECT_FALSE(net.layers[0].precision.has_value());
  ASSERT_TRUE(net.layers[1].precision.has_value());
  EXPECT_EQ(*net.layers[1].precision, (Precision{1, 2, 4, 4}));
  apply_precision_text(net, "in=2");
  EXPECT_FALSE(net.layers[0].precision.has_value());
  EXPECT_EQ(*net.layers[1].precision, (Precision{2, 2, 4, 4}));

  expect_error(
      with_layer(
          R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "precision": {"out": 0}})"),
      {"layers[1]", "precision.out = 0"});
  expect_error(
      with_layer(
          R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "precision": {"out": 32}})"),
      {"layers[1]", "precision.out = 32", "1 to 16 bytes"});
  expect_error(
      with_layer(
          R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "precision": {"output": 4}})"),
      {"layers[1]", "\"precision.output\""});
  expect_error(
      with_layer(
          R"({"C": 8, "M": 10, "H": 1, "W": 1, "R": 1, "S": 1, "kind": "fc", "precision": 4})"),
      {"layers[1]", "precision"});
}

TEST_F(ZooNetworkFile, UnknownTopLevelKey) {
  expect_error(write(R"({"model": "m", "layer": []})"), {"\"layer\"", "layers"});
}

TEST_F(ZooNetworkFile, UnknownKeyInALayer) {
  expect_error(
      with_layer(
          R"({"name": "c2", "C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1, "strides": 2})"),
      {"layers[1]", "\"c2\"", "\"strides\"", "stride"});
}

TEST_F(ZooNetworkFile, MissingLayers) {
  expect_error(write(R"({"model": "m"})"), {"\"layers\"", "missing"});
  expect_error(write(R"({"model": "m", "layers": []})"), {"layers"});
  expect_error(write(R"({"model": "m", "layers": {"C": 1}})"), {"layers", "array"});
  expect_error(write(R"({"layers": [{"C": 4, "M": 4, "H": 5, "W": 5, "R": 1, "S": 1}]})"),
               {"\"model\""});
}

TEST_F(ZooNetworkFile, GroupsNotDividingC) {
  expect_error(
      with_layer(
          R"({"name": "dw", "C": 8, "M": 9, "H": 16, "W": 16, "R": 3, "S": 3, "groups": 3})"),
      {"layers[1]", "\"dw\"", "groups = 3", "C = 8"});
}

TEST_F(ZooNetworkFile, WrongTypesAndMissingFields) {
  expect_error(with_layer(R"({"name": "x", "C": "8", "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})"),
               {"layers[1]", "\"x\"", "C = \"8\""});
  expect_error(with_layer(R"({"name": "x", "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})"),
               {"layers[1]", "\"x\"", "\"C\""});
  expect_error(
      with_layer(R"({"name": "x", "C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1, "bias": 1})"),
      {"layers[1]", "bias"});
  expect_error(
      with_layer(
          R"({"name": "x", "C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1, "kind": "pool"})"),
      {"layers[1]", "kind", "\"pool\""});
  expect_error(with_layer(R"(42)"), {"layers[1]", "object"});
  expect_error(write(R"({"model": 5, "layers": []})"), {"model", "string"});
}

TEST_F(ZooNetworkFile, FcMustBeFlat) {
  expect_error(
      with_layer(
          R"({"name": "f", "kind": "fc", "C": 8, "M": 10, "H": 16, "W": 16, "R": 1, "S": 1})"),
      {"layers[1]", "\"f\"", "fc", "H"});
}

TEST_F(ZooNetworkFile, KernelLargerThanInput) {
  expect_error(with_layer(R"({"name": "k", "C": 8, "M": 8, "H": 2, "W": 2, "R": 5, "S": 5})"),
               {"layers[1]", "\"k\"", "kernel"});
}

TEST_F(ZooNetworkFile, InputAndReferenceAreStrict) {
  expect_error(with_layer(R"({"C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})",
                          R"("input": {"N": 1, "C": 3, "H": 16}, )"),
               {"input.W"});
  expect_error(with_layer(R"({"C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})",
                          R"("input": {"N": 2, "C": 3, "H": 16, "W": 16}, )"),
               {"layers[0]", "N = 1", "input.N = 2"});
  expect_error(with_layer(R"({"C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})",
                          R"("reference": {"macs": 10, "flops": 20}, )"),
               {"\"reference.flops\""});
  expect_error(with_layer(R"({"C": 8, "M": 8, "H": 16, "W": 16, "R": 1, "S": 1})",
                          R"("reference": {"params": 1.5}, )"),
               {"reference.params"});
}

TEST_F(ZooNetworkFile, MissingFileAndMalformedJson) {
  const std::string missing = (dir_ / "nope.json").string();
  expect_error(missing, {"no such file"});
  expect_error(write(R"({"model": "m", "layers": [)"), {"malformed JSON"});
}

}  // namespace
}  // namespace spad
