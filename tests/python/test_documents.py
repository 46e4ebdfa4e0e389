"""to_dict() of every value the module returns (Layer, Schedule, Machine,
Accelerator, and the layers of a Network) equals the same object in the
document the `spad` command prints with --json for the same input, and a
schedule the layer cannot take raises the command's message."""

import pytest

from conftest import cli_error, cli_json, source_path

LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")
EDGE_NPU = source_path("examples", "machines", "edge-npu.yaml")
HWC_LIKE = source_path("examples", "machines", "hwc-like.yaml")
ONNX_GEMM = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "gemm.onnx")
ODD_LAYER = "name=odd,N=2,C=12,M=18,H=17,W=23,kernel=3x5,stride=2x1,pad=1:2:0:1,groups=3"
LAYER_KEYS = ("name", "N", "C", "M", "H", "W", "R", "S", "stride", "dilation", "pad", "groups")


def test_layer_schedule_machine_to_dict_equal_cli(spad):
    machine = spad.Machine(buffer="48KiB", precision="in=2,psum=int32", halo_reuse=True,
                           double_buffer=True)
    doc = cli_json("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE, "--buffer",
                   "48KiB", "--precision", "in=2,psum=int32", "--halo-reuse", "--double-buffer")
    assert spad.Layer(LAYER_FILE).to_dict() == doc["layer"]
    assert spad.Schedule(SCHEDULE_FILE).to_dict() == doc["schedule"]
    assert machine.to_dict() == doc["machine"]
    # No buffer: an unbounded machine, "capacity_bytes": null.
    unbounded = cli_json("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE)
    assert spad.Machine().to_dict() == unbounded["machine"]


def test_odd_layer_and_its_optimum_to_dict_equal_cli(spad):
    doc = cli_json("optimize", "--layer", ODD_LAYER, "--buffer", "4KiB", "--threads", "1")
    assert spad.Layer(ODD_LAYER).to_dict() == doc["layer"]
    best = spad.optimize(ODD_LAYER, spad.Machine(buffer="4KiB"), threads=1)
    assert spad.Schedule(best).to_dict() == doc["schedule"]


def test_accelerator_to_dict_equals_cli(spad):
    for path in (EDGE_NPU, HWC_LIKE):
        doc = cli_json("accel", "--model", "tc_resnet8", "--machine", path, "--no-baselines")
        assert spad.Accelerator(path).to_dict() == doc["accelerator"]


@pytest.mark.parametrize("model", ["tc_resnet8", "resnet18", ONNX_GEMM])
def test_network_layers_equal_cli(spad, model):
    net = spad.load_network(model)
    doc = cli_json("optimize", "--model", model, "--buffer", "1MiB")
    assert net.model == doc["model"]
    assert len(net) == len(doc["layers"])
    assert [layer.to_dict() for layer in net.layers] == \
        [{key: entry[key] for key in LAYER_KEYS} for entry in doc["layers"]]
    assert net.kinds == [entry["kind"] for entry in doc["layers"]]


@pytest.mark.parametrize("command", ["evaluate", "simulate"])
def test_schedule_the_layer_cannot_take_raises_cli_message(spad, command):
    # The example schedule tiles m by 32: a layer with M = 16 cannot take it.
    small = "C=64,M=16,H=56,W=56,kernel=3,pad=1"
    want = cli_error(command, "--layer", small, "--schedule", SCHEDULE_FILE, "--buffer", "64KiB")
    call = getattr(spad, command)
    with pytest.raises(spad.UserError) as info:
        call(small, SCHEDULE_FILE, spad.Machine(buffer="64KiB"))
    assert str(info.value) == want
