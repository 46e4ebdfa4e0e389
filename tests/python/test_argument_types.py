"""A wrong Python type for any argument of any function of the module raises
TypeError naming the function, the argument and what it takes (never
pybind11's RuntimeError, never a crash), and a float or bool for a count is
refused, not truncated. Bad values of the right type are spad.UserError
(test_errors.py)."""

import math
import pathlib

import pytest

from conftest import cli_json, source_path

LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")
EDGE_NPU = source_path("examples", "machines", "edge-npu.yaml")
ONNX_GEMM = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "gemm.onnx")


@pytest.fixture(scope="module")
def values(spad):
    return {
        "layer": spad.Layer(LAYER_FILE),
        "schedule": spad.Schedule(SCHEDULE_FILE),
        "machine": spad.Machine(buffer="64KiB"),
        "accel": spad.Accelerator(EDGE_NPU),
    }


def calls(spad, v):
    """(label, call, the message's start) for every function and argument."""
    layer, schedule, machine, accel = v["layer"], v["schedule"], v["machine"], v["accel"]
    layer_types = ("a spad.Layer, a str (a layer file, JSON text or the inline form "
                   "'C=64,M=64,H=56,W=56,kernel=3') or a dict")
    model_types = ("a spad.Network, a spad.Layer or a str (a zoo name, a network .json or "
                   ".onnx file)")
    return [
        ("Layer(None)", lambda: spad.Layer(None),
         f"spad.Layer(): arg must be {layer_types}, not NoneType"),
        ("Layer(5)", lambda: spad.Layer(5), f"spad.Layer(): arg must be {layer_types}, not int (5)"),
        ("Schedule([1])", lambda: spad.Schedule([1]),
         "spad.Schedule(): arg must be a spad.Schedule, a str (a schedule file or JSON text) "
         "or a dict, not list ([1])"),
        ("evaluate swapped", lambda: spad.evaluate(schedule, layer),
         f"spad.evaluate(): layer must be {layer_types}, not spad.Schedule"),
        ("evaluate schedule", lambda: spad.evaluate(layer, layer),
         "spad.evaluate(): schedule must be a spad.Schedule, a str (a schedule file or JSON "
         "text) or a dict, not spad.Layer"),
        ("evaluate machine str", lambda: spad.evaluate(layer, schedule, "64KiB"),
         "spad.evaluate(): machine must be a spad.Machine, not str ('64KiB')"),
        ("simulate machine", lambda: spad.simulate(layer, schedule, accel),
         "spad.simulate(): machine must be a spad.Machine, not spad.Accelerator"),
        ("simulate execute", lambda: spad.simulate(layer, schedule, execute="yes"),
         "spad.simulate(): execute must be a bool (True or False), not str ('yes')"),
        ("simulate seed float", lambda: spad.simulate(layer, schedule, execute=True, seed=1.0),
         "spad.simulate(): seed must be an int, not float (1.0)"),
        ("simulate seed bool", lambda: spad.simulate(layer, schedule, execute=True, seed=True),
         "spad.simulate(): seed must be an int, not bool (True)"),
        ("optimize machine None", lambda: spad.optimize(layer, None),
         "spad.optimize(): machine must be a spad.Machine, not NoneType"),
        ("optimize threads float", lambda: spad.optimize(layer, machine, threads=2.0),
         "spad.optimize(): threads must be an int, not float (2.0)"),
        ("optimize threads bool", lambda: spad.optimize(layer, machine, threads=True),
         "spad.optimize(): threads must be an int, not bool (True)"),
        ("optimize uniform_spans", lambda: spad.optimize(layer, machine, uniform_spans=1),
         "spad.optimize(): uniform_spans must be a bool (True or False), not int (1)"),
        ("optimize fixed_order", lambda: spad.optimize(layer, machine, fixed_order=5),
         "spad.optimize(): fixed_order must be a str such as 's,r,q,p,c,m,g,n', a list of loop "
         "letters or None, not int (5)"),
        ("optimize fixed_spans", lambda: spad.optimize(layer, machine, fixed_spans={"I": 2}),
         "spad.optimize(): fixed_spans must be a str or None, not dict ({'I': 2})"),
        ("optimize min_buffer", lambda: spad.optimize(layer, machine, min_buffer=None),
         "spad.optimize(): min_buffer must be a bool (True or False), not NoneType"),
        ("optimize_network model", lambda: spad.optimize_network(None, machine),
         f"spad.optimize_network(): model must be {model_types}, not NoneType"),
        ("optimize_network batch float", lambda: spad.optimize_network("alexnet", machine,
                                                                       batch=2.0),
         "spad.optimize_network(): batch must be an int or None, not float (2.0)"),
        ("optimize_network batch nan", lambda: spad.optimize_network("alexnet", machine,
                                                                     batch=math.nan),
         "spad.optimize_network(): batch must be an int or None, not float (nan)"),
        ("optimize_network batch inf", lambda: spad.optimize_network("alexnet", machine,
                                                                     batch=math.inf),
         "spad.optimize_network(): batch must be an int or None, not float (inf)"),
        ("optimize_network layers", lambda: spad.optimize_network("alexnet", machine, layers=[0]),
         "spad.optimize_network(): layers must be a str or None, not list ([0])"),
        ("compare machine", lambda: spad.compare("alexnet", accel),
         "spad.compare(): machine must be a spad.Machine, not spad.Accelerator"),
        ("compare model", lambda: spad.compare(machine, machine),
         f"spad.compare(): model must be {model_types}, not spad.Machine"),
        ("compare batch bool", lambda: spad.compare("alexnet", machine, batch=False),
         "spad.compare(): batch must be an int or None, not bool (False)"),
        ("accel accelerator", lambda: spad.accel("alexnet", machine),
         "spad.accel(): accelerator must be a spad.Accelerator, not spad.Machine"),
        ("accel objective", lambda: spad.accel("alexnet", accel, objective=None),
         "spad.accel(): objective must be a str, not NoneType"),
        ("accel baselines", lambda: spad.accel("alexnet", accel, baselines="no"),
         "spad.accel(): baselines must be a bool (True or False), not str ('no')"),
        ("sweep models", lambda: spad.sweep(None, "4KiB"),
         "spad.sweep(): models must be a str such as 'resnet18,alexnet' or a list of str and "
         "spad.Network, not NoneType"),
        ("sweep models item", lambda: spad.sweep(["alexnet", 3], "4KiB"),
         "spad.sweep(): models must be a str such as 'resnet18,alexnet' or a list of str and "
         "spad.Network, not int (3)"),
        ("sweep buffers int", lambda: spad.sweep("alexnet", 4096),
         "spad.sweep(): buffers must be a str such as '4KiB..1MiB:x2' or "
         "'512KiB;16KiB..64KiB:x2', a list of ints (bytes) or a list of one capacity set per "
         "level, not int (4096)"),
        ("sweep buffers float", lambda: spad.sweep("alexnet", [4096, 4096.0]),
         "spad.sweep(): buffers[1] must be an int (bytes), a str or a list (one level's "
         "capacity set), not float (4096.0)"),
        ("sweep level set float", lambda: spad.sweep("alexnet", ["512KiB", [16384, 64.0]]),
         "spad.sweep(): buffers[1][1] must be an int (bytes) or a str such as '64KiB', "
         "not float (64.0)"),
        ("optimize_levels buffers float",
         lambda: spad.optimize_levels("C=2,M=3,H=3,W=3,kernel=2", [256, 64.0]),
         "spad.optimize_levels(): buffers[1] must be an int (bytes) or a str such as '64KiB', "
         "not float (64.0)"),
        ("optimize_levels buffers None",
         lambda: spad.optimize_levels("C=2,M=3,H=3,W=3,kernel=2", None),
         "spad.optimize_levels(): buffers must be a str such as '512KiB,64KiB' or a list of "
         "ints (bytes) or str, not NoneType"),
        ("evaluate_levels buffers bool",
         lambda: spad.evaluate_levels("C=2,M=3,H=3,W=3,kernel=2", SCHEDULE_FILE, [True, 64]),
         "spad.evaluate_levels(): buffers[0] must be an int (bytes) or a str such as '64KiB', "
         "not bool (True)"),
        ("evaluate_levels buffers int",
         lambda: spad.evaluate_levels("C=2,M=3,H=3,W=3,kernel=2", SCHEDULE_FILE, 64),
         "spad.evaluate_levels(): buffers must be None, a str such as '512KiB,64KiB' or a list "
         "of ints (bytes) or str, not int (64)"),
        ("accel fixed_order", lambda: spad.accel("alexnet", accel, fixed_order=["s", "r"]),
         "spad.accel(): fixed_order must be a str or None, not list (['s', 'r'])"),
        ("sweep machine", lambda: spad.sweep("alexnet", "4KiB", machine=accel),
         "spad.sweep(): machine must be a spad.Machine, not spad.Accelerator"),
        ("sweep accelerators", lambda: spad.sweep("alexnet", "4KiB", accelerators=accel),
         "spad.sweep(): accelerators must be a list of spad.Accelerator or "
         "spad.LevelAccelerator, not spad.Accelerator"),
        ("sweep accelerators item", lambda: spad.sweep("alexnet", "4KiB", accelerators=[EDGE_NPU]),
         "spad.sweep(): accelerators must be a spad.Accelerator or a spad.LevelAccelerator, "
         "not str"),
        ("sweep objectives", lambda: spad.sweep("alexnet", "4KiB", accelerators=[accel],
                                                objectives=[1]),
         "spad.sweep(): objectives must be a str such as 'traffic,latency' or a list of str, "
         "not int (1)"),
        ("sweep target_ratio", lambda: spad.sweep("alexnet", "4KiB", target_ratio=[1.2]),
         "spad.sweep(): target_ratio must be a str, an int, a float or None, not list ([1.2])"),
        ("sweep knee", lambda: spad.sweep("alexnet", "4KiB", knee=False),
         "spad.sweep(): knee must be a str, an int, a float, True or None, not bool (False)"),
        ("sweep per_layer", lambda: spad.sweep("alexnet", "4KiB", per_layer=0),
         "spad.sweep(): per_layer must be a bool (True or False), not int (0)"),
        ("zoo", lambda: spad.zoo(5), "spad.zoo(): name must be a str or None, not int (5)"),
        ("load_onnx path", lambda: spad.load_onnx(None),
         "spad.load_onnx(): path must be a str or an os.PathLike path, not NoneType"),
        ("load_onnx batch", lambda: spad.load_onnx(ONNX_GEMM, batch=1.5),
         "spad.load_onnx(): batch must be an int or None, not float (1.5)"),
        ("load_network", lambda: spad.load_network(b"alexnet"),
         "spad.load_network(): model must be a str or an os.PathLike path, not bytes "
         "(b'alexnet')"),
        ("Accelerator", lambda: spad.Accelerator(None),
         "spad.Accelerator(): path must be a str or an os.PathLike path, not NoneType"),
        ("Accelerator.from_text", lambda: spad.Accelerator.from_text(5),
         "spad.Accelerator.from_text(): text must be a str, not int (5)"),
        ("Machine buffer float", lambda: spad.Machine(buffer=2.0),
         "spad.Machine(): buffer must be an int (bytes), a str such as '64KiB', or None, "
         "not float (2.0)"),
        ("Machine buffer bool", lambda: spad.Machine(buffer=True),
         "spad.Machine(): buffer must be an int (bytes), a str such as '64KiB', or None, "
         "not bool (True)"),
        ("Machine precision", lambda: spad.Machine(precision=4),
         "spad.Machine(): precision must be a str such as 'in=1,psum=4', a dict such as "
         "{'psum': 4} or None, not int (4)"),
        ("Machine precision value", lambda: spad.Machine(precision={"psum": 4.0}),
         "spad.Machine(): a precision value must be an int (bytes) or a str (a type name such "
         "as 'int32'), not float (4.0)"),
        ("Machine precision key", lambda: spad.Machine(precision={4: 4}),
         "spad.Machine(): a precision key must be a str, not int (4)"),
        ("Machine halo_reuse", lambda: spad.Machine(halo_reuse=None),
         "spad.Machine(): halo_reuse must be a bool (True or False), not NoneType"),
        ("Machine double_buffer", lambda: spad.Machine(double_buffer=1),
         "spad.Machine(): double_buffer must be a bool (True or False), not int (1)"),
    ]


def test_wrong_types_raise_type_error(spad, values):
    for label, call, message in calls(spad, values):
        with pytest.raises(TypeError) as info:
            call()
        assert not isinstance(info.value, ValueError), label
        assert str(info.value) == message, label


def test_keyword_misuse_is_a_type_error(spad, values):
    # Unknown keywords and missing arguments: pybind11's own TypeError.
    with pytest.raises(TypeError):
        spad.Machine(bufer="64KiB")
    with pytest.raises(TypeError):
        spad.optimize(values["layer"])
    with pytest.raises(TypeError):
        spad.evaluate(values["layer"], values["schedule"], values["machine"], values["machine"])


def test_values_compare_with_other_types(spad, values):
    # == with an unrelated object is False (not an error); equal values are equal.
    assert (values["layer"] == 5) is False
    assert values["layer"] != None  # noqa: E711
    assert (values["schedule"] == "x") is False
    assert spad.Layer(LAYER_FILE) == values["layer"]
    assert spad.Schedule(SCHEDULE_FILE) == values["schedule"]
    assert values["layer"] != spad.Layer("C=64,M=64,H=56,W=56,kernel=3")


def test_index_ints_and_paths_are_accepted(spad, values):
    # An int-like object (with __index__, such as numpy.int64) is a count; a
    # pathlib.Path is a file name; the answers equal the CLI's.
    class Index:
        def __index__(self):
            return 2

    got = spad.optimize_network("tc_resnet8", spad.Machine(buffer=8192), batch=Index(),
                                threads=Index())
    want = cli_json("optimize", "--model", "tc_resnet8", "--buffer", "8192", "--batch", "2",
                    "--threads", "2")
    assert got == want
    path = pathlib.Path(LAYER_FILE)
    assert spad.Layer(path) == values["layer"]
    assert spad.Accelerator(pathlib.Path(EDGE_NPU)).name == "edge-npu"
    assert len(spad.load_onnx(pathlib.Path(ONNX_GEMM))) == len(spad.load_onnx(ONNX_GEMM))
