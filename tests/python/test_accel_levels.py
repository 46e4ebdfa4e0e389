"""spad.accel with a spad.LevelAccelerator of several levels (the level search
for one layer, latency, energy or traffic) returns what `spad accel --layer L
--machine M.yaml --objective O --json` prints, key by key; bad input raises
the command's message; spad.Accelerator still refuses a file with levels,
naming spad.LevelAccelerator."""

import json

import pytest

from conftest import cli_error, cli_json, source_path

GAP = source_path("examples", "machines", "gap-like.yaml")
HWC = source_path("examples", "machines", "hwc-like.yaml")
# Small enough for the exhaustive level search (tests/cli uses it too).
TINY = "N=1,C=2,M=4,H=1,W=6,R=1,S=3,name=tiny"


@pytest.mark.parametrize("objective", ["latency", "energy", "traffic"])
def test_accel_levels_equals_cli(spad, objective):
    want = cli_json("accel", "--layer", TINY, "--machine", GAP, "--objective", objective)
    got = spad.accel(spad.Layer(TINY), spad.LevelAccelerator(GAP), objective=objective)
    assert got == want
    assert list(got) == list(want)  # key order too
    assert got["objective"] == objective
    assert got["schedule_source"] == "search"


def test_one_level_file_is_the_one_level_accelerator(spad):
    layer = spad.Layer("C=4,M=4,H=4,W=4,R=1,S=1,name=small")
    assert spad.LevelAccelerator(HWC).levels == 1
    assert (spad.accel(layer, spad.LevelAccelerator(HWC), baselines=False)
            == spad.accel(layer, spad.Accelerator(HWC), baselines=False))


def test_level_accel_errors(spad):
    accel = spad.LevelAccelerator(GAP)
    assert accel.name == "gap-like" and accel.levels == 2
    # Beyond the level search: the command's message.
    big = "C=64,M=64,H=56,W=56,R=3,S=3,pad=1,name=big"
    with pytest.raises(spad.UserError) as info:
        spad.accel(spad.Layer(big), accel)
    assert str(info.value) == cli_error("accel", "--layer", big, "--machine", GAP)
    # A network beyond the level search: the command's message.
    with pytest.raises(spad.UserError) as info:
        spad.accel("alexnet", accel)
    assert str(info.value) == cli_error("accel", "--model", "alexnet", "--machine", GAP)
    # spad.Accelerator refuses a file with levels, naming the way that takes it.
    with pytest.raises(spad.UserError) as info:
        spad.Accelerator(GAP)
    assert "spad.LevelAccelerator" in str(info.value)


TINY_NET = {"model": "tinynet", "layers": [
    {"name": "a", "N": 1, "C": 2, "M": 4, "H": 1, "W": 6, "R": 1, "S": 3},
    {"name": "b", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2},
    {"name": "a2", "N": 1, "C": 2, "M": 4, "H": 1, "W": 6, "R": 1, "S": 3}]}


@pytest.mark.parametrize("objective", ["latency", "traffic"])
def test_accel_levels_network_equals_cli(spad, tmp_path, objective):
    path = tmp_path / "tinynet.json"
    path.write_text(json.dumps(TINY_NET))
    want = cli_json("accel", "--model", str(path), "--machine", GAP, "--objective", objective)
    got = spad.accel(str(path), spad.LevelAccelerator(GAP), objective=objective)
    assert got == want
    assert list(got) == list(want)
    assert got["objective"] == objective
    assert got["layers"][2]["accel"] == got["layers"][0]["accel"]


# Two levels of 64 and 24 bytes where the objectives disagree, and one level of
# 24 bytes (tests/cli/accel_levels_space_cli_test uses the same machines and
# layer; there each restricted space's answer is checked against its brute force).
SMALL2 = """spad_machine: 1
name: small2
levels:
  - {name: L2, capacity_bytes: 64, double_buffer: true, bits_per_cycle: 8, dma_setup_cycles: 20, pj_per_byte: 3}
  - {name: L1, capacity_bytes: 24, double_buffer: true, bits_per_cycle: 32, dma_setup_cycles: 2, pj_per_byte: 1}
mac_array: {unroll: {m: 2}}
clock_mhz: 100
energy: {mac_pj: 0.2, offchip_pj_per_byte: 20}
"""
SMALL1 = """spad_machine: 1
name: small1
scratchpad: {capacity_bytes: 24, double_buffer: true}
mac_array: {unroll: {m: 2}}
clock_mhz: 100
offchip: {bits_per_cycle: 8, dma_setup_cycles: 20}
energy: {mac_pj: 0.2, offchip_pj_per_byte: 20, scratchpad_pj_per_byte: 1}
"""
SPACE_LAYER = "N=1,C=2,M=2,H=1,W=4,R=1,S=2,name=tiny"
SPACE_NET = {"model": "tinynet", "layers": [
    {"name": "tiny", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2},
    {"name": "other", "N": 1, "C": 2, "M": 2, "H": 1, "W": 3, "R": 1, "S": 2}]}
ORDERS = "q,s,c,m,p,r,g,n;s,q,m,c,p,r,g,n"
SAME_ORDERS = "s,q,c,m,r,p,g,n;s,q,c,m,r,p,g,n"
SPANS = "I=2,W=null,O=4;O=1,I=1,W=2"
# (the command's flags, spad.accel's keywords): the arguments of optimize_levels.
SPACES = [
    (["--uniform-spans"], {"uniform_spans": True}),
    (["--fixed-order", ORDERS], {"fixed_order": ORDERS}),
    (["--fixed-order", SAME_ORDERS, "--fixed-spans", SPANS],
     {"fixed_order": SAME_ORDERS, "fixed_spans": SPANS}),
    (["--uniform-spans", "--fixed-order", ORDERS], {"uniform_spans": True, "fixed_order": ORDERS}),
]


@pytest.fixture
def small_machines(tmp_path):
    two, one = tmp_path / "small2.yaml", tmp_path / "small1.yaml"
    two.write_text(SMALL2)
    one.write_text(SMALL1)
    net = tmp_path / "tinynet.json"
    net.write_text(json.dumps(SPACE_NET))
    return str(two), str(one), str(net)


@pytest.mark.parametrize("objective", ["latency", "energy"])
@pytest.mark.parametrize("flags,kwargs", SPACES)
def test_accel_levels_restricted_space_equals_cli(spad, small_machines, objective, flags, kwargs):
    two, _, net = small_machines
    accel = spad.LevelAccelerator(two)
    want = cli_json("accel", "--layer", SPACE_LAYER, "--machine", two, "--objective", objective,
                    *flags)
    got = spad.accel(spad.Layer(SPACE_LAYER), accel, objective=objective, **kwargs)
    assert got == want
    assert got["search"]["space"]["uniform_spans"] == ("uniform_spans" in kwargs)
    want = cli_json("accel", "--model", net, "--machine", two, "--objective", objective, *flags)
    assert spad.accel(net, accel, objective=objective, threads=1, **kwargs) == want


def test_restricted_space_changes_the_answer(spad, small_machines):
    # The restricted answer is the CLI's and is not better than the whole
    # space's: it must differ somewhere for the test above to mean anything.
    two, _, _ = small_machines
    accel = spad.LevelAccelerator(two)
    whole = spad.accel(spad.Layer(SPACE_LAYER), accel)
    fixed = spad.accel(spad.Layer(SPACE_LAYER), accel, fixed_order=SAME_ORDERS, fixed_spans=SPANS)
    assert fixed["accel"]["latency_cycles"] >= whole["accel"]["latency_cycles"]
    assert fixed["schedule"] != whole["schedule"]
    assert [level["buffer_span"]["W"] for level in fixed["schedule"]["levels"]] == [None, 2]


@pytest.mark.parametrize("flags,kwargs", [
    (["--uniform-spans"], {"uniform_spans": True}),
    (["--fixed-order", "s,q,c,m,r,p,g,n"], {"fixed_order": "s,q,c,m,r,p,g,n"}),
    (["--fixed-order", "s,q,c,m,r,p,g,n", "--fixed-spans", "I=1,W=2,O=1"],
     {"fixed_order": "s,q,c,m,r,p,g,n", "fixed_spans": "I=1,W=2,O=1"}),
])
def test_accel_one_level_restricted_space_equals_cli(spad, small_machines, flags, kwargs):
    _, one, net = small_machines
    want = cli_json("accel", "--layer", SPACE_LAYER, "--machine", one, *flags)
    layer = spad.Layer(SPACE_LAYER)
    assert spad.accel(layer, spad.Accelerator(one), **kwargs) == want
    assert spad.accel(layer, spad.LevelAccelerator(one), **kwargs) == want
    want = cli_json("accel", "--model", net, "--machine", one, "--no-baselines", *flags)
    assert spad.accel(net, spad.Accelerator(one), baselines=False, **kwargs) == want


@pytest.mark.parametrize("levels,flags,kwargs", [
    (2, ["--fixed-order", "q,s,c,m,p,r,g,n"], {"fixed_order": "q,s,c,m,p,r,g,n"}),  # one group
    (2, ["--fixed-spans", SPANS], {"fixed_spans": SPANS}),                         # no order
    (2, ["--fixed-order", ORDERS, "--fixed-spans", "I=2,W=2,O=4;I=1,W=null,O=1"],  # inner bypass
     {"fixed_order": ORDERS, "fixed_spans": "I=2,W=2,O=4;I=1,W=null,O=1"}),
    (2, ["--fixed-order", "q,s,c,m,p,r,g;s,q,m,c,p,r,g,n"],                        # a bad order
     {"fixed_order": "q,s,c,m,p,r,g;s,q,m,c,p,r,g,n"}),
    (1, ["--fixed-order", ORDERS], {"fixed_order": ORDERS}),                        # two groups
    (1, ["--fixed-spans", "I=1,W=2,O=1"], {"fixed_spans": "I=1,W=2,O=1"}),          # no order
    (1, ["--fixed-order", "s,q,c,m,r,p,g,n", "--fixed-spans", "I=1,W=null,O=1"],    # a bypass
     {"fixed_order": "s,q,c,m,r,p,g,n", "fixed_spans": "I=1,W=null,O=1"}),
])
def test_accel_restricted_space_errors_equal_cli(spad, small_machines, levels, flags, kwargs):
    two, one, net = small_machines
    path = two if levels == 2 else one
    accel = spad.LevelAccelerator(two) if levels == 2 else spad.Accelerator(one)
    want = cli_error("accel", "--layer", SPACE_LAYER, "--machine", path, *flags)
    with pytest.raises(spad.UserError) as info:
        spad.accel(spad.Layer(SPACE_LAYER), accel, **kwargs)
    assert str(info.value) == want
    assert "--fixed" in str(info.value)
    with pytest.raises(spad.UserError) as info:
        spad.accel(net, accel, **kwargs)
    assert str(info.value) == want


def test_nothing_fits_the_restricted_space_equals_cli(spad, small_machines):
    # Every array at the top span at both levels: 40 bytes of buffers (8 of
    # input, 8 of weights, 2x3 int32 partial sums), more than the 24-byte L1.
    two, _, _ = small_machines
    flags = ["--fixed-order", SAME_ORDERS, "--fixed-spans", "I=8,W=8,O=8;I=8,W=8,O=8"]
    want = cli_error("accel", "--layer", SPACE_LAYER, "--machine", two, *flags)
    assert "restricted search space" in want
    with pytest.raises(spad.UserError) as info:
        spad.accel(spad.Layer(SPACE_LAYER), spad.LevelAccelerator(two), fixed_order=SAME_ORDERS,
                   fixed_spans="I=8,W=8,O=8;I=8,W=8,O=8")
    assert str(info.value) == want


def test_accel_restricted_space_types(spad, small_machines):
    two, one, _ = small_machines
    for accel in (spad.LevelAccelerator(two), spad.Accelerator(one)):
        for kwargs, message in (
                ({"uniform_spans": 1},
                 "spad.accel(): uniform_spans must be a bool (True or False), not int (1)"),
                ({"fixed_order": ["q", "s"]},
                 "spad.accel(): fixed_order must be a str or None, not list (['q', 's'])"),
                ({"fixed_spans": {"I": 2}},
                 "spad.accel(): fixed_spans must be a str or None, not dict ({'I': 2})")):
            with pytest.raises(TypeError) as info:
                spad.accel(spad.Layer(SPACE_LAYER), accel, **kwargs)
            assert str(info.value) == message
