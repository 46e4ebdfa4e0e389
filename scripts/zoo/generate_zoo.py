#!/usr/bin/env python3
"""Writes data/zoo/<model>.json: every conv and fully-connected layer of the
built-in networks, in graph order, for a 224x224 batch-1 input.

The JSON files are the committed source of truth; this script is how they were
first produced (python3 standard library only, no torch). Each network below
transcribes its reference implementation (torchvision, or Keras for
MobileNetV1) and tracks the feature-map size through pools the way PyTorch /
TensorFlow compute it. Re-running it overwrites the files and prints the
per-network totals; afterwards run embed_zoo.py.

    python3 scripts/zoo/generate_zoo.py [--out data/zoo] [--check]

--check writes nothing and fails if a file on disk differs from what this
script would write.
"""

import argparse
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Net:
    """Builds the layer list while tracking the current activation C x H x W."""

    def __init__(self, C=3, H=224, W=224):
        self.C, self.H, self.W = C, H, W
        self.layers = []

    def conv(self, name, M, k, stride=1, pad=None, groups=1, bias=False, C=None, HW=None):
        """Appends a conv on the current (or given) input; updates the current
        shape to its output. k, stride: int or (h, w); pad: int (all sides),
        or [top, left, bottom, right]; default pad 0."""
        C = self.C if C is None else C
        H, W = (self.H, self.W) if HW is None else HW
        R, S = (k, k) if isinstance(k, int) else k
        sh, sw = (stride, stride) if isinstance(stride, int) else stride
        if pad is None:
            pad = 0
        if isinstance(pad, int):
            pad = [pad, pad, pad, pad]
        top, left, bottom, right = pad
        assert C % groups == 0 and M % groups == 0, name
        P = (H + top + bottom - R) // sh + 1
        Q = (W + left + right - S) // sw + 1
        self.layers.append({"name": name, "kind": "conv", "N": 1, "C": C, "M": M, "H": H,
                            "W": W, "R": R, "S": S, "stride": [sh, sw], "dilation": [1, 1],
                            "pad": pad, "groups": groups, "bias": bias})
        self.C, self.H, self.W = M, P, Q
        return (P, Q)

    def matmul(self, name, M, groups, C, rows):
        """A product of two activations: `groups` groups of [rows, C/groups] x
        [C/groups, M/groups], the rows as H (N stays the batch)."""
        self.layers.append({"name": name, "kind": "matmul", "N": 1, "C": C, "M": M, "H": rows,
                            "W": 1, "R": 1, "S": 1, "groups": groups, "bias": False})

    def fc(self, name, M, bias=True, C=None):
        """A fully-connected layer on the flattened current activation."""
        C = self.C * self.H * self.W if C is None else C
        self.layers.append({"name": name, "kind": "fc", "N": 1, "C": C, "M": M, "H": 1, "W": 1,
                            "R": 1, "S": 1, "bias": bias})
        self.C, self.H, self.W = M, 1, 1

    def pool(self, k, s, pad=0, ceil_mode=False):
        """Max/avg pool as torch.nn.MaxPool2d computes the output size."""
        def out(n):
            span = n + 2 * pad - k
            o = (-(-span // s) if ceil_mode else span // s) + 1
            # PyTorch: the last window must start inside the input or left pad.
            if ceil_mode and (o - 1) * s >= n + pad:
                o -= 1
            return o
        self.H, self.W = out(self.H), out(self.W)

    def adaptive_pool(self, h, w):
        self.H, self.W = h, w


# --- torchvision AlexNet ("one weird trick" variant, 224 input) -------------
def alexnet():
    n = Net()
    n.conv("features.0", 64, 11, stride=4, pad=2, bias=True)  # 224 -> 55
    n.pool(3, 2)                                               # -> 27
    n.conv("features.3", 192, 5, pad=2, bias=True)
    n.pool(3, 2)                                               # -> 13
    n.conv("features.6", 384, 3, pad=1, bias=True)
    n.conv("features.8", 256, 3, pad=1, bias=True)
    n.conv("features.10", 256, 3, pad=1, bias=True)
    n.pool(3, 2)                                               # -> 6
    n.adaptive_pool(6, 6)
    n.fc("classifier.1", 4096)
    n.fc("classifier.4", 4096)
    n.fc("classifier.6", 1000)
    return n.layers


# --- torchvision VGG-16 (configuration D, no BatchNorm) ---------------------
def vgg16():
    n = Net()
    cfg = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M",
           512, 512, 512, "M"]
    index = 0
    for v in cfg:
        if v == "M":
            n.pool(2, 2)
            index += 1
        else:
            n.conv(f"features.{index}", v, 3, pad=1, bias=True)
            index += 2  # conv, ReLU
    n.adaptive_pool(7, 7)
    n.fc("classifier.0", 4096)
    n.fc("classifier.3", 4096)
    n.fc("classifier.6", 1000)
    return n.layers


# --- torchvision ResNet (v1.5: stride in the 3x3 of the bottleneck) --------
def resnet(block, counts):
    n = Net()
    n.conv("conv1", 64, 7, stride=2, pad=3)  # 224 -> 112
    n.pool(3, 2, pad=1)                      # -> 56
    expansion = 1 if block == "basic" else 4
    inplanes = 64
    for li, (planes, count) in enumerate(zip([64, 128, 256, 512], counts)):
        for b in range(count):
            stride = 2 if (li > 0 and b == 0) else 1
            prefix = f"layer{li + 1}.{b}"
            block_in = (n.C, n.H, n.W)
            if block == "basic":
                n.conv(f"{prefix}.conv1", planes, 3, stride=stride, pad=1)
                n.conv(f"{prefix}.conv2", planes, 3, pad=1)
            else:
                n.conv(f"{prefix}.conv1", planes, 1)
                n.conv(f"{prefix}.conv2", planes, 3, stride=stride, pad=1)
                n.conv(f"{prefix}.conv3", planes * expansion, 1)
            if stride != 1 or inplanes != planes * expansion:
                # The shortcut runs after the main branch in forward() order.
                out = (n.C, n.H, n.W)
                n.conv(f"{prefix}.downsample.0", planes * expansion, 1, stride=stride,
                       C=block_in[0], HW=block_in[1:])
                assert (n.C, n.H, n.W) == out
            inplanes = planes * expansion
    n.adaptive_pool(1, 1)
    n.fc("fc", 1000)
    return n.layers


# --- MobileNetV1 1.0-224 (Howard et al. 2017, Table 1; Keras layout) ------
def mobilenet_v1():
    # TensorFlow "SAME" padding: for the stride-2 3x3 convs on even inputs
    # that is 0 before and 1 after (Keras: ZeroPadding2D(((0, 1), (0, 1)))
    # then a "valid" conv); stride-1 3x3 convs pad 1 on every side.
    same_s2 = [0, 0, 1, 1]
    n = Net()
    n.conv("conv1", 32, 3, stride=2, pad=same_s2)
    blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1),
              (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]
    for i, (out, s) in enumerate(blocks, start=1):
        n.conv(f"conv_dw_{i}", n.C, 3, stride=s, pad=same_s2 if s == 2 else 1, groups=n.C)
        n.conv(f"conv_pw_{i}", out, 1)
    n.adaptive_pool(1, 1)
    n.fc("conv_preds", 1000)  # Keras: a 1x1 conv with bias on the pooled 1x1x1024
    return n.layers


# --- torchvision MobileNetV2 (width 1.0) ------------------------------------
def mobilenet_v2():
    n = Net()
    n.conv("features.0.0", 32, 3, stride=2, pad=1)
    settings = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                (6, 160, 3, 2), (6, 320, 1, 1)]
    index = 1
    for t, c, count, s in settings:
        for i in range(count):
            stride = s if i == 0 else 1
            p = f"features.{index}.conv"
            hidden = n.C * t
            if t != 1:
                n.conv(f"{p}.0.0", hidden, 1)
                n.conv(f"{p}.1.0", hidden, 3, stride=stride, pad=1, groups=hidden)
                n.conv(f"{p}.2", c, 1)
            else:
                n.conv(f"{p}.0.0", hidden, 3, stride=stride, pad=1, groups=hidden)
                n.conv(f"{p}.1", c, 1)
            index += 1
    n.conv(f"features.{index}.0", 1280, 1)
    n.adaptive_pool(1, 1)
    n.fc("classifier.1", 1000)
    return n.layers


# --- torchvision SqueezeNet 1.1 ---------------------------------------------
def squeezenet1_1():
    n = Net()
    n.conv("features.0", 64, 3, stride=2, bias=True)  # 224 -> 111
    fires = {3: (16, 64, 64), 4: (16, 64, 64), 6: (32, 128, 128), 7: (32, 128, 128),
             9: (48, 192, 192), 10: (48, 192, 192), 11: (64, 256, 256), 12: (64, 256, 256)}
    for index in range(2, 13):
        if index in (2, 5, 8):
            n.pool(3, 2, ceil_mode=True)  # 111 -> 55 -> 27 -> 13
            continue
        squeeze, e1, e3 = fires[index]
        n.conv(f"features.{index}.squeeze", squeeze, 1, bias=True)
        n.conv(f"features.{index}.expand1x1", e1, 1, bias=True)
        n.conv(f"features.{index}.expand3x3", e3, 3, pad=1, bias=True, C=squeeze)
        n.C = e1 + e3  # torch.cat of the two expand branches
    n.conv("classifier.1", 1000, 1, bias=True)  # final_conv, then global average pool
    return n.layers


# --- torchvision GoogLeNet (Inception v1, aux classifiers dropped) ----------
def googlenet():
    n = Net()
    n.conv("conv1.conv", 64, 7, stride=2, pad=3)  # 224 -> 112
    n.pool(3, 2, ceil_mode=True)                  # -> 56
    n.conv("conv2.conv", 64, 1)
    n.conv("conv3.conv", 192, 3, pad=1)
    n.pool(3, 2, ceil_mode=True)                  # -> 28

    def inception(name, ch1, ch3red, ch3, ch5red, ch5, proj):
        cin = n.C
        n.conv(f"{name}.branch1.conv", ch1, 1, C=cin)
        n.conv(f"{name}.branch2.0.conv", ch3red, 1, C=cin)
        n.conv(f"{name}.branch2.1.conv", ch3, 3, pad=1)
        n.conv(f"{name}.branch3.0.conv", ch5red, 1, C=cin)
        # torchvision uses 3x3 here where the paper has 5x5 (vision issue #906);
        # the pretrained weights have this shape.
        n.conv(f"{name}.branch3.1.conv", ch5, 3, pad=1)
        # branch4: 3x3/1 max pool (pad 1, same size), then the 1x1 projection.
        n.conv(f"{name}.branch4.1.conv", proj, 1, C=cin)
        n.C = ch1 + ch3 + ch5 + proj

    inception("inception3a", 64, 96, 128, 16, 32, 32)
    inception("inception3b", 128, 128, 192, 32, 96, 64)
    n.pool(3, 2, ceil_mode=True)                  # -> 14
    inception("inception4a", 192, 96, 208, 16, 48, 64)
    inception("inception4b", 160, 112, 224, 24, 64, 64)
    inception("inception4c", 128, 128, 256, 24, 64, 64)
    inception("inception4d", 112, 144, 288, 32, 64, 64)
    inception("inception4e", 256, 160, 320, 32, 128, 128)
    n.pool(2, 2, ceil_mode=True)                  # -> 7
    inception("inception5a", 256, 160, 320, 32, 128, 128)
    inception("inception5b", 384, 192, 384, 48, 128, 128)
    n.adaptive_pool(1, 1)
    n.fc("fc", 1000)
    return n.layers


TV = "torchvision.models"
TV_OPS = ("torchvision {cls}.IMAGENET1K_V1 meta: num_params {params}, _ops {ops} "
          "(the 'GFLOPS' column of torchvision's model table)")

# --- torchvision ConvNeXt-T ----------------------------------------------------
def convnext_tiny():
    """torchvision.models.convnext_tiny. The block's two nn.Linear layers act on
    the channels-last map [N, H, W, C]: each is the 1x1 conv over the H x W map
    (the same MACs and arrays), written as such so that N stays the batch."""
    n = Net()
    n.conv("features.0.0", 96, 4, stride=4, bias=True)
    dims, depths = [96, 192, 384, 768], [3, 3, 9, 3]
    for stage, (d, depth) in enumerate(zip(dims, depths)):
        f = 1 + 2 * stage
        if stage > 0:
            n.conv(f"features.{f - 1}.1", d, 2, stride=2, bias=True)
        for b in range(depth):
            p = f"features.{f}.{b}.block"
            n.conv(f"{p}.0", d, 7, pad=3, groups=d, bias=True)
            n.conv(f"{p}.3", 4 * d, 1, bias=True)
            n.conv(f"{p}.5", d, 1, bias=True)
    n.adaptive_pool(1, 1)
    n.fc("classifier.2", 1000)
    return n.layers


def convnext_tiny_other_params():
    """LayerNorm weight + bias (2 per channel) and layer scale (1 per channel)."""
    dims, depths = [96, 192, 384, 768], [3, 3, 9, 3]
    ln = 2 * 96  # after the stem
    ln += sum(2 * d for d in dims[:3])  # before each downsample conv
    ln += 2 * 768  # classifier
    blocks = sum((2 + 1) * d * k for d, k in zip(dims, depths))
    return ln + blocks


# --- torchvision ViT-B/16 -------------------------------------------------------
def vit_b_16():
    """torchvision.models.vit_b_16: a 16x16/16 patch conv, then 12 encoder
    layers on 197 tokens (196 patches + the class token) of width 768 with 12
    heads. Each nn.Linear on [N, 197, D] is the 1x1 conv over 197 x 1
    "pixels"; the attention products Q.K^T ([197, 64] x [64, 197] per head)
    and A.V ([197, 197] x [197, 64]) are grouped 1x1 convs with one group per
    head (C = 12*64 -> M = 12*197 and C = 12*197 -> M = 12*64): the matmul
    layer of DESIGN.md with the tokens as rows, so that N stays the batch."""
    n = Net()
    n.conv("conv_proj", 768, 16, stride=16, bias=True)
    tokens, d, heads = 197, 768, 12
    hd = d // heads
    for i in range(12):
        p = f"encoder.layers.encoder_layer_{i}"
        n.conv(f"{p}.self_attention.in_proj", 3 * d, 1, bias=True, C=d, HW=(tokens, 1))
        n.matmul(f"{p}.self_attention.scores", heads * tokens, heads, heads * hd, tokens)
        n.matmul(f"{p}.self_attention.context", heads * hd, heads, heads * tokens, tokens)
        n.conv(f"{p}.self_attention.out_proj", d, 1, bias=True, C=d, HW=(tokens, 1))
        n.conv(f"{p}.mlp.0", 4 * d, 1, bias=True, C=d, HW=(tokens, 1))
        n.conv(f"{p}.mlp.3", d, 1, bias=True, C=4 * d, HW=(tokens, 1))
    n.fc("heads.head", 1000, C=d)
    return n.layers


def vit_b_16_other_params():
    """Class token, position embedding, LayerNorms (2 per encoder layer and a final one)."""
    d = 768
    return d + 197 * d + (2 * 12 + 1) * 2 * d


# --- TC-ResNet8 (1-D keyword spotting CNN) ---------------------------------------
def tc_resnet8():
    """Choi et al., Temporal Convolution for Real-time Keyword Spotting on
    Mobile Devices, Interspeech 2019: TC-ResNet8 on 40 MFCCs x 101 frames,
    the MFCCs as channels and time as the only spatial axis (a 1-D CNN: H = R = 1),
    TensorFlow "SAME" padding (an odd total puts the extra column after)."""
    n = Net(C=40, H=1, W=101)

    def same(w, k, s):
        out = -(-w // s)
        total = max((out - 1) * s + k - w, 0)
        return [0, total // 2, 0, total - total // 2]

    n.conv("conv1", 16, (1, 3), pad=same(n.W, 3, 1))
    for i, c in enumerate([24, 32, 48], start=1):
        C, W = n.C, n.W
        n.conv(f"block{i}.conv1", c, (1, 9), stride=(1, 2), pad=same(W, 9, 2))
        n.conv(f"block{i}.conv2", c, (1, 9), pad=same(n.W, 9, 1))
        out = (n.C, n.H, n.W)
        n.conv(f"block{i}.shortcut", c, 1, stride=(1, 2), pad=same(W, 1, 2), C=C, HW=(1, W))
        n.C, n.H, n.W = out
    n.adaptive_pool(1, 1)
    n.fc("fc", 12)
    return n.layers


# For each network: builder, source, reference.
MODELS = {
    "alexnet": dict(
        build=alexnet,
        source=("Krizhevsky, One weird trick for parallelizing convolutional neural networks, "
                "arXiv:1404.5997, 2014 (the single-tower AlexNet); torchvision.models.alexnet "
                "at a 224x224 input (conv1 11x11/4 pad 2 gives 55x55). Not the 227x227, "
                "2-group layout of the 2012 paper: torchvision's is the one with published "
                "weights and parameter counts."),
        reference=dict(macs=714_000_000, macs_rounded_to=1_000_000, params=61_100_840,
                       bn_params_per_channel=0,
                       source=TV_OPS.format(cls="AlexNet_Weights", params=61100840, ops=0.714),
                       note=("params = weights + biases of the 5 convs and 3 fc layers, exactly "
                             "(AlexNet has no BatchNorm). macs: torchvision's _ops is the "
                             "multiply-accumulate count of conv and linear layers in units of "
                             "1e9, given to 3 decimals (pools, ReLU and bias additions "
                             "excluded); the layers' sum rounds to it."))),
    "vgg16": dict(
        build=vgg16,
        source=("Simonyan & Zisserman, Very Deep Convolutional Networks for Large-Scale Image "
                "Recognition, ICLR 2015 (configuration D); torchvision.models.vgg16 (no BN)."),
        reference=dict(macs=15_470_000_000, macs_rounded_to=1_000_000, params=138_357_544,
                       bn_params_per_channel=0,
                       source=TV_OPS.format(cls="VGG16_Weights", params=138357544, ops=15.47),
                       note=("params = weights + biases of the 13 convs and 3 fc layers, exactly "
                             "(no BatchNorm). macs: torchvision's _ops (15.470 to 3 decimals, "
                             "printed 15.47) is the conv + linear multiply-accumulate count in "
                             "units of 1e9; the layers' sum rounds to it."))),
    "resnet18": dict(
        build=lambda: resnet("basic", [2, 2, 2, 2]),
        source=("He et al., Deep Residual Learning for Image Recognition, CVPR 2016; "
                "torchvision.models.resnet18 (basic blocks; 1x1 stride-2 downsample convs on "
                "the shortcut of the first block of layer2-4, listed after the block's main "
                "branch as in forward())."),
        reference=dict(macs=1_814_000_000, macs_rounded_to=1_000_000, params=11_689_512,
                       bn_params_per_channel=2,
                       source=TV_OPS.format(cls="ResNet18_Weights", params=11689512, ops=1.814),
                       note=("params include BatchNorm's weight and bias (2 per channel) after "
                             "every conv (convs have no bias; fc has one): layers' weights + "
                             "biases = published - 2 * (sum of M over the convs). BN running "
                             "statistics are buffers, not parameters. macs: conv + linear "
                             "multiply-accumulates in units of 1e9 to 3 decimals."))),
    "resnet50": dict(
        build=lambda: resnet("bottleneck", [3, 4, 6, 3]),
        source=("He et al., Deep Residual Learning for Image Recognition, CVPR 2016; "
                "torchvision.models.resnet50 (v1.5: the stride-2 of a downsampling bottleneck "
                "is in its 3x3 conv, not its first 1x1; the 1x1 downsample conv of each "
                "layer's first block is listed after the block's main branch as in forward())."),
        reference=dict(macs=4_089_000_000, macs_rounded_to=1_000_000, params=25_557_032,
                       bn_params_per_channel=2,
                       source=TV_OPS.format(cls="ResNet50_Weights", params=25557032, ops=4.089),
                       note=("params include BatchNorm's weight and bias (2 per channel) after "
                             "every conv (convs have no bias; fc has one): layers' weights + "
                             "biases = published - 2 * (sum of M over the convs). macs: conv + "
                             "linear multiply-accumulates in units of 1e9 to 3 decimals; counters "
                             "that add BN, ReLU and pooling report 4.1-4.14 G, and 'FLOPs' of "
                             "~8.2 G count a multiply and an add separately."))),
    "mobilenet_v1": dict(
        build=mobilenet_v1,
        source=("Howard et al., MobileNets: Efficient Convolutional Neural Networks for Mobile "
                "Vision Applications, arXiv:1704.04861, 2017, Table 1, width multiplier 1.0, "
                "224x224 (the 3x3 depthwise conv on the 7x7 map has stride 1: Table 1's 's2' "
                "there is a typo, as every implementation shows). Padding is TensorFlow's "
                "'SAME' as in the reference implementations (TF-slim mobilenet_v1, "
                "keras.applications.MobileNet): stride-2 3x3 convs pad [0, 0, 1, 1] "
                "(none before, one after), stride-1 3x3 convs pad 1 all round. The classifier "
                "(Keras 'conv_preds', a 1x1 conv with bias on the pooled 1x1x1024) is listed "
                "as an fc layer."),
        reference=dict(macs=569_000_000, macs_rounded_to=1_000_000, params=4_253_864,
                       bn_params_per_channel=4,
                       source=("macs: Howard et al. 2017 (1.0 MobileNet-224: 569 million "
                               "Mult-Adds, 4.2 million parameters); the TensorFlow models "
                               "mobilenet_v1 checkpoint table gives 569 million MACs and 4.24 "
                               "million parameters. params: "
                               "keras.applications.MobileNet(alpha=1.0, input 224) "
                               "model.summary(): Total params 4,253,864 (trainable 4,231,976, "
                               "non-trainable 21,888); the paper rounds to 4.2 million."),
                       note=("Keras counts 4 BatchNorm values per channel (gamma, beta and the "
                             "non-trainable moving mean and variance) after every conv (convs "
                             "have no bias; the classifier has one): layers' weights + biases "
                             "= published - 4 * (sum of M over the convs). The trainable count "
                             "4,231,976 (2 per channel) is TensorFlow's '4.24 million'. macs: "
                             "conv + fc multiply-accumulates, in millions as the paper rounds "
                             "them."))),
    "mobilenet_v2": dict(
        build=mobilenet_v2,
        source=("Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR "
                "2018; torchvision.models.mobilenet_v2 (width 1.0): 52 convs (17 depthwise "
                "3x3 with groups = C = M) and 1 fc."),
        reference=dict(macs=301_000_000, macs_rounded_to=1_000_000, params=3_504_872,
                       bn_params_per_channel=2,
                       source=TV_OPS.format(cls="MobileNet_V2_Weights", params=3504872, ops=0.301),
                       note=("params include BatchNorm's weight and bias (2 per channel) after "
                             "every conv (convs have no bias; fc has one): layers' weights + "
                             "biases = published - 2 * (sum of M over the convs). macs: conv + "
                             "linear multiply-accumulates in units of 1e9 to 3 decimals (the "
                             "paper's Table 3 rounds the same count to 300 million MAdds)."))),
    "squeezenet1_1": dict(
        build=squeezenet1_1,
        source=("Iandola et al., SqueezeNet, arXiv:1602.07360, 2016, version 1.1 from the "
                "authors' repository (forresti/SqueezeNet); torchvision.models.squeezenet1_1. "
                "No fc layer: the classifier is a 1x1 conv on the 13x13 map, then a global "
                "average pool."),
        reference=dict(macs=349_000_000, macs_rounded_to=1_000_000, params=1_235_496,
                       bn_params_per_channel=0,
                       source=TV_OPS.format(cls="SqueezeNet1_1_Weights", params=1235496,
                                            ops=0.349),
                       note=("params = weights + biases of the 26 convs, exactly (no "
                             "BatchNorm). macs: conv multiply-accumulates in units of 1e9 to 3 "
                             "decimals."))),
    "googlenet": dict(
        build=googlenet,
        source=("Szegedy et al., Going Deeper with Convolutions, CVPR 2015; "
                "torchvision.models.googlenet as returned with pretrained weights (auxiliary "
                "classifiers removed; they only run in training). Follows torchvision, not the "
                "paper, where they differ: the '5x5' branch of every inception module is a "
                "3x3 conv (pad 1) in torchvision (vision issue #906; the ported weights have "
                "that shape), and every conv is followed by BatchNorm. Branch order within a "
                "module: 1x1; 3x3-reduce, 3x3; '5x5'-reduce, '5x5'; pool-projection."),
        reference=dict(macs=1_498_000_000, macs_rounded_to=1_000_000, params=6_624_904,
                       bn_params_per_channel=2,
                       source=TV_OPS.format(cls="GoogLeNet_Weights", params=6624904, ops=1.498),
                       note=("params include BatchNorm's weight and bias (2 per channel) after "
                             "every conv (convs have no bias; fc has one) and exclude the "
                             "auxiliary classifiers: layers' weights + biases = published - 2 * "
                             "(sum of M over the convs). macs: conv + linear "
                             "multiply-accumulates in units of 1e9 to 3 decimals."))),
    "convnext_tiny": dict(
        build=convnext_tiny,
        source=("Liu et al., A ConvNet for the 2020s, CVPR 2022; torchvision.models.convnext_tiny "
                "(stem 4x4/4; stages of 3, 3, 9, 3 blocks at 96, 192, 384, 768 channels; each "
                "block a 7x7 depthwise conv, then its two nn.Linear layers on the channels-last "
                "map, written as the 1x1 convs they are; a 2x2/2 conv between stages)."),
        reference=dict(macs=4_456_000_000, macs_rounded_to=1_000_000, params=28_589_128,
                       bn_params_per_channel=0, other_params=convnext_tiny_other_params(),
                       source=TV_OPS.format(cls="ConvNeXt_Tiny_Weights", params=28589128,
                                            ops=4.456),
                       note=("params = weights + biases of the convs and the classifier + "
                             "other_params: LayerNorm weight and bias (2 per channel: after the "
                             "stem, in every block, before each downsample conv and in the "
                             "classifier) and each block's layer scale (1 per channel). macs: "
                             "conv + linear multiply-accumulates in units of 1e9 to 3 decimals "
                             "(LayerNorm, GELU, layer scale and bias additions excluded)."))),
    "vit_b_16": dict(
        build=vit_b_16,
        source=("Dosovitskiy et al., An Image is Worth 16x16 Words, ICLR 2021 (ViT-Base/16); "
                "torchvision.models.vit_b_16: 12 encoder layers, width 768, 12 heads, MLP 3072, "
                "197 tokens. Each nn.Linear on the [N, 197, 768] tokens is a 1x1 conv over a "
                "197 x 1 map; attention's Q.K^T and A.V are matmul layers (products of two "
                "activations), one group per head, the 197 token rows as H."),
        reference=dict(macs=17_564_000_000, macs_rounded_to=1_000_000, params=86_567_656,
                       bn_params_per_channel=0, other_params=vit_b_16_other_params(),
                       source=TV_OPS.format(cls="ViT_B_16_Weights", params=86567656, ops=17.564),
                       note=("params = weights + biases of the patch conv, the attention "
                             "in/out projections, the MLPs and the head (the matmul layers have "
                             "no weights: both operands are activations) + other_params: class token, "
                             "position embedding (197 x 768) and 25 LayerNorms. macs: "
                             "torchvision's _ops counts the attention products too; the layers' "
                             "sum rounds to it."))),
    "tc_resnet8": dict(
        build=tc_resnet8,
        input=(40, 1, 101),
        source=("Choi et al., Temporal Convolution for Real-time Keyword Spotting on Mobile "
                "Devices, Interspeech 2019: TC-ResNet8 (width multiplier 1), a 1-D CNN over "
                "40 MFCCs x 101 frames (MFCCs as channels, time as the width: H = R = 1), "
                "TensorFlow SAME padding. The paper gives rounded totals (66K parameters, 3.0M "
                "FLOPs) for its own counting; no exact published figure is checked here."),
        reference={}),
}

LAYER_KEYS = ["name", "kind", "N", "C", "M", "H", "W", "R", "S", "stride", "dilation", "pad",
              "groups", "bias"]


def render(model, spec, layers):
    """The file text: top-level keys one per line, one layer per line."""
    d = lambda v: json.dumps(v, ensure_ascii=False)
    ref = spec["reference"]
    C, H, W = spec.get("input", (3, 224, 224))
    lines = ["{", f'  "model": {d(model)},', f'  "source": {d(spec["source"])},',
             f'  "input": {{"N": 1, "C": {C}, "H": {H}, "W": {W}}},']
    if not ref:
        lines += ['  "layers": [']
        for i, layer in enumerate(layers):
            body = ", ".join(f"{d(k)}: {d(layer[k])}" for k in LAYER_KEYS if k in layer)
            lines.append("    {" + body + "}" + ("," if i + 1 < len(layers) else ""))
        return "\n".join(lines + ["  ]", "}"]) + "\n"
    lines += ['  "reference": {']
    ref_keys = [k for k in ["macs", "macs_rounded_to", "params", "bn_params_per_channel",
                            "other_params", "source", "note"] if k in ref]
    lines += [f"    {d(k)}: {d(ref[k])}" + ("," if i + 1 < len(ref_keys) else "")
              for i, k in enumerate(ref_keys)]
    lines += ["  },", '  "layers": [']
    for i, layer in enumerate(layers):
        body = ", ".join(f"{d(k)}: {d(layer[k])}" for k in LAYER_KEYS if k in layer)
        lines.append("    {" + body + "}" + ("," if i + 1 < len(layers) else ""))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def totals(layers, bn_per_channel):
    macs = params = bn = 0
    for L in layers:
        g = L.get("groups", 1)
        sh, sw = L.get("stride", [1, 1])
        t, l, b, r = L.get("pad", [0, 0, 0, 0])
        P = (L["H"] + t + b - L["R"]) // sh + 1
        Q = (L["W"] + l + r - L["S"]) // sw + 1
        macs += L["N"] * L["M"] * (L["C"] // g) * L["R"] * L["S"] * P * Q
        if L["kind"] != "matmul":  # both operands of a matmul are activations
            params += L["M"] * (L["C"] // g) * L["R"] * L["S"] + (L["M"] if L["bias"] else 0)
        if L["kind"] == "conv":
            bn += bn_per_channel * L["M"]
    return macs, params, bn


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "zoo"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = []
    for model, spec in MODELS.items():
        layers = spec["build"]()
        text = render(model, spec, layers)
        json.loads(text)  # well-formed
        path = os.path.join(args.out, model + ".json")
        ref = spec["reference"]
        if not ref:
            macs, params, _ = totals(layers, 0)
            print(f"{model:14s} layers {len(layers):3d}  macs {macs:>14,d}  "
                  f"weights+biases {params:>11,d} (no published figures)")
            if args.check:
                old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
                if old != text:
                    stale.append(path)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            continue
        macs, params, bn = totals(layers, ref["bn_params_per_channel"])
        bn += ref.get("other_params", 0)
        unit = ref["macs_rounded_to"]
        rounded = (macs + unit // 2) // unit * unit
        convs = sum(L["kind"] == "conv" for L in layers)
        fcs = sum(L["kind"] == "fc" for L in layers)
        print(f"{model:14s} conv {convs:3d} fc {fcs} matmul {len(layers) - convs - fcs}  macs {macs:>14,d} "
              f"(published {ref['macs']:,d}{' OK' if rounded == ref['macs'] else ' MISMATCH'})  "
              f"params {params:>11,d} + bn {bn:>7,d} = {params + bn:>11,d} "
              f"(published {ref['params']:,d}"
              f"{' OK' if params + bn == ref['params'] else ' MISMATCH'})")
        if args.check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print("differs from the generator: " + " ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
