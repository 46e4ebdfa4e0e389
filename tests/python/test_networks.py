"""Networks from the Python module: spad.zoo, spad.load_onnx and
spad.load_network give the layers the CLI schedules, and spad.sweep returns
what `spad sweep --json` prints for the same input, key by key."""

from conftest import cli_json, source_path

ONNX_CONV = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "conv.onnx")
ONNX_GEMM = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "gemm.onnx")
EDGE_NPU = source_path("examples", "machines", "edge-npu.yaml")


def test_zoo_names(spad):
    names = spad.zoo()
    assert names == sorted(names)
    assert {"alexnet", "resnet50", "mobilenet_v2"} <= set(names)


def test_zoo_model_layers(spad):
    net = spad.zoo("ResNet50")  # letter case ignored, as --model
    assert net.model == "resnet50"
    # ResNet-50: 53 convolutions and one fully-connected layer (He et al. 2016,
    # Table 1: 1 + 3*(3+4+6+3) + 4 projection shortcuts = 53 conv, then fc 1000).
    assert len(net) == 54
    assert net.kinds.count("fc") == 1
    assert net.layers[0] == spad.Layer({"name": "conv1", "C": 3, "M": 64, "H": 224, "W": 224,
                                        "R": 7, "S": 7, "stride": 2, "pad": 3})


def test_sweep_equals_cli(spad):
    got = spad.sweep("tc_resnet8,squeezenet1_1", "4KiB,16KiB,1MiB", baselines=True,
                     per_layer=True, target_ratio="1.5", knee="")
    want = cli_json("sweep", "--model", "tc_resnet8,squeezenet1_1", "--buffers", "4KiB,16KiB,1MiB",
                    "--baselines", "--per-layer", "--target-ratio", "1.5", "--knee")
    assert got == want
    assert got["format"] == "spad-sweep/1"


def test_sweep_lists_and_machine_equal_cli(spad):
    got = spad.sweep(["alexnet", spad.zoo("tc_resnet8")], [2048, 8192],
                     machine=spad.Machine(precision="psum=2", halo_reuse=True), threads=2)
    want = cli_json("sweep", "--model", "alexnet,tc_resnet8", "--buffers", "2KiB,8KiB",
                    "--precision", "psum=2", "--halo-reuse", "--threads", "2")
    assert got == want


def test_sweep_on_accelerator_equals_cli(spad):
    got = spad.sweep("tc_resnet8", "8KiB..32KiB:x2", accelerators=[spad.Accelerator(EDGE_NPU)],
                     objectives=["traffic", "latency"])
    want = cli_json("sweep", "--model", "tc_resnet8", "--buffers", "8KiB..32KiB:x2",
                    "--machine", EDGE_NPU, "--objective", "traffic,latency")
    assert got == want


def test_accelerator_document(spad):
    accel = spad.Accelerator(EDGE_NPU)
    doc = accel.to_dict()
    assert doc["format"] == "spad-machine/1"
    assert doc["name"] == accel.name
    # The machine document reads back as a machine file (docs/reference.md).
    import json
    again = spad.Accelerator.from_text(json.dumps(doc))
    assert again.to_dict() == doc


def test_load_onnx(spad):
    conv = spad.load_onnx(ONNX_CONV)
    assert len(conv) >= 1 and set(conv.kinds) <= {"conv"}
    gemm = spad.load_onnx(ONNX_GEMM)
    assert "fc" in gemm.kinds
    # The same network as --model FILE.onnx reads.
    assert [l.to_dict() for l in spad.load_network(ONNX_CONV).layers] == \
        [l.to_dict() for l in conv.layers]
    got = spad.sweep([ONNX_CONV, ONNX_GEMM], "1KiB,64KiB", per_layer=True)
    want = cli_json("sweep", "--model", ONNX_CONV + "," + ONNX_GEMM, "--buffers", "1KiB,64KiB",
                    "--per-layer")
    assert got == want
