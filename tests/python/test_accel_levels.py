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
