"""The network studies from Python (spad.optimize_network, spad.compare,
spad.accel) and simulate's execution return what `spad optimize --model`,
`spad compare`, `spad accel` and `spad simulate --execute` print with --json
for the same input, key by key and number by number."""

import json

import pytest

from conftest import cli_error, cli_json, run_cli, source_path

EDGE_NPU = source_path("examples", "machines", "edge-npu.yaml")
HWC_LIKE = source_path("examples", "machines", "hwc-like.yaml")
ONNX_GEMM = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "gemm.onnx")
LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")


def test_optimize_network_zoo_equals_cli(spad):
    got = spad.optimize_network("squeezenet1_1", spad.Machine(buffer="32KiB"))
    want = cli_json("optimize", "--model", "squeezenet1_1", "--buffer", "32KiB")
    assert got == want
    assert got["format"] == "spad-network/1"


def test_optimize_network_options_equal_cli(spad):
    machine = spad.Machine(buffer="8KiB", precision="psum=2", double_buffer=True)
    got = spad.optimize_network("resnet18", machine, layers="0-3,fc", batch=2, threads=1,
                                min_buffer=True)
    want = cli_json("optimize", "--model", "resnet18", "--buffer", "8KiB", "--precision",
                    "psum=2", "--double-buffer", "--layers", "0-3,fc", "--batch", "2",
                    "--threads", "1", "--min-buffer")
    assert got == want
    # A loaded network gives the same answer as its name.
    net = spad.load_network("resnet18", batch=2)
    assert spad.optimize_network(net, machine, layers="0-3,fc", min_buffer=True) == got


def test_optimize_network_fixed_spans_equal_cli(spad):
    machine = spad.Machine(buffer="16KiB")
    flags = ["--fixed-order", "s,r,q,p,c,m,g,n", "--fixed-spans", "I=3,W=5,O=2"]
    got = spad.optimize_network("tc_resnet8", machine, fixed_order="s,r,q,p,c,m,g,n",
                                fixed_spans="I=3,W=5,O=2")
    assert got == cli_json("optimize", "--model", "tc_resnet8", "--buffer", "16KiB", *flags)
    # Spans without an order: the command's message.
    with pytest.raises(spad.UserError) as info:
        spad.optimize_network("tc_resnet8", machine, fixed_spans="I=3,W=5,O=2")
    assert str(info.value) == cli_error("optimize", "--model", "tc_resnet8", "--buffer", "16KiB",
                                        "--fixed-spans", "I=3,W=5,O=2")


def test_optimize_network_onnx_equals_cli(spad):
    got = spad.optimize_network(ONNX_GEMM, spad.Machine(buffer="4KiB"))
    assert got == cli_json("optimize", "--model", ONNX_GEMM, "--buffer", "4KiB")


def test_layers_that_do_not_fit_are_in_the_document(spad):
    got = spad.optimize_network("tc_resnet8", spad.Machine(buffer=5))
    done = run_cli("optimize", "--model", "tc_resnet8", "--buffer", "5", "--json")
    assert done.returncode == 2  # the CLI fails after printing the document
    assert got == json.loads(done.stdout)
    assert got["totals"]["infeasible_layers"] > 0


def test_compare_equals_cli(spad):
    machine = spad.Machine(buffer="16KiB", halo_reuse=True)
    got = spad.compare("tc_resnet8", machine)
    want = cli_json("compare", "--model", "tc_resnet8", "--buffer", "16KiB", "--halo-reuse")
    assert got == want
    assert got["format"] == "spad-network/1"
    assert "baselines" in got["layers"][0]


def test_compare_one_layer_equals_cli(spad):
    got = spad.compare(spad.Layer(LAYER_FILE), spad.Machine(buffer="64KiB"))
    assert got == cli_json("compare", "--layer", LAYER_FILE, "--buffer", "64KiB")


@pytest.mark.parametrize("objective", ["latency", "energy", "traffic"])
def test_accel_equals_cli(spad, objective):
    got = spad.accel("tc_resnet8", spad.Accelerator(EDGE_NPU), objective=objective)
    want = cli_json("accel", "--model", "tc_resnet8", "--machine", EDGE_NPU,
                    "--objective", objective)
    assert got == want
    assert got["format"] == "spad-network/1"
    assert got["objective"] == objective and "accelerator" in got


def test_accel_one_layer_without_baselines_equals_cli(spad):
    got = spad.accel(spad.Layer(LAYER_FILE), spad.Accelerator(HWC_LIKE), baselines=False)
    want = cli_json("accel", "--layer", LAYER_FILE, "--machine", HWC_LIKE, "--no-baselines")
    assert got == want


def test_simulate_execute_equals_cli(spad):
    machine = spad.Machine(buffer="64KiB", halo_reuse=True)
    got = spad.simulate(LAYER_FILE, SCHEDULE_FILE, machine, execute=True, seed=7)
    want = cli_json("simulate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                    "--buffer", "64KiB", "--halo-reuse", "--execute", "--seed", "7")
    assert got == want
    assert got["execute"]["output_matches"] and got["execute"]["counts_match"]


def test_study_errors_equal_cli(spad):
    with pytest.raises(spad.UserError) as info:
        spad.accel("tc_resnet8", spad.Accelerator(EDGE_NPU), objective="speed")
    assert str(info.value) == cli_error("accel", "--model", "tc_resnet8", "--machine", EDGE_NPU,
                                        "--objective", "speed")
    with pytest.raises(spad.UserError) as info:
        spad.optimize_network("tc_resnet8", spad.Machine(buffer="8KiB"), layers="0-99")
    assert str(info.value) == cli_error("optimize", "--model", "tc_resnet8", "--buffer", "8KiB",
                                        "--layers", "0-99")


@pytest.mark.parametrize("objective", ["latency", "energy"])
def test_accel_side_by_side_equals_cli(spad, objective):
    got = spad.accel("tc_resnet8", [spad.Accelerator(EDGE_NPU), spad.Accelerator(HWC_LIKE)],
                     objective=objective, layers="0-4")
    want = cli_json("accel", "--model", "tc_resnet8", "--machine", EDGE_NPU, "--machine",
                    HWC_LIKE, "--objective", objective, "--layers", "0-4")
    assert got == want
    assert got["format"] == "spad-sweep/1"
    assert [row["machine"] for row in got["rows"]] == ["edge-npu", "hwc-like"]
    # Each machine's entry is its own accel document plus the machine's
    # "name" (so it also holds a sweep's {name, objective, machine} entry).
    entries = [dict(m) for m in got["machines"]]
    assert [m.pop("name") for m in entries] == ["edge-npu", "hwc-like"]
    assert entries[1] == spad.accel("tc_resnet8", spad.Accelerator(HWC_LIKE),
                                    objective=objective, layers="0-4")
    # A list of one is the one-machine document, as --machine given once.
    assert spad.accel("tc_resnet8", (spad.Accelerator(EDGE_NPU),), objective=objective,
                      layers="0-4") == entries[0]


def test_accel_side_by_side_errors(spad):
    npu = spad.Accelerator(EDGE_NPU)
    # The same machine twice: named by its name where the command names the file.
    with pytest.raises(spad.UserError) as info:
        spad.accel("tc_resnet8", [npu, npu])
    assert str(info.value) == cli_error("accel", "--model", "tc_resnet8", "--machine", EDGE_NPU,
                                        "--machine", EDGE_NPU).replace(EDGE_NPU, npu.name)
    with pytest.raises(spad.UserError) as info:
        spad.accel("tc_resnet8", [])
    assert str(info.value) == "accelerator: an empty list; give one or more machines"
    with pytest.raises(TypeError) as type_info:
        spad.accel("tc_resnet8", [npu, 5])
    assert "accelerator must be a spad.Accelerator" in str(type_info.value)
