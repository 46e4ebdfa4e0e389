"""spad.sweep over several on-chip levels (one capacity set per level, as
`spad sweep --buffers "OUTER;INNER"`) returns what the command prints with
--json for the same question, key by key: the plain levels with the machine
options, machine files with levels and objectives, per-layer rows, three
levels, any thread count; the capacity sets as the flag's text or as a list
of sets; the level baselines at every point. Options without a several-level form, machines of the wrong level
count and bad sets raise the command's message; a wrong type raises TypeError
naming the argument and the item."""

import pytest

from conftest import cli_error, cli_json, source_path

# Two layers the level search takes at once (a 2x2 conv on 3x3 and an fc).
TINY_NET = source_path("examples", "levels", "tiny_net.json")
GAP = source_path("examples", "machines", "gap-like.yaml")
HWC = source_path("examples", "machines", "hwc-like.yaml")


def sweep_cli(buffers, *flags):
    return cli_json("sweep", "--model", TINY_NET, "--buffers", buffers, *flags)


@pytest.mark.parametrize("buffers,as_list", [
    ("16B,32B;8B..32B:x2", [[16, 32], "8B..32B:x2"]),
    ("64B;32B;8B,16B", ["64B", "32B", [8, "16B"]]),   # three levels
    ("40B;12B", ("40B", ("12B",))),                    # tuples too
])
def test_level_sweep_equals_cli(spad, buffers, as_list):
    want = sweep_cli(buffers)
    got = spad.sweep(TINY_NET, buffers)
    assert got == want
    assert list(got) == list(want)  # key order too
    assert len(got["levels"]) == buffers.count(";") + 1
    # The same sets as a list, and on one thread: the same document.
    assert spad.sweep([TINY_NET], as_list, threads=1) == want


def test_level_sweep_options_equal_cli(spad):
    machine = spad.Machine(precision="in=2,psum=int16", halo_reuse=True, double_buffer=True)
    want = sweep_cli("64B,128B;16B..64B:x2", "--precision", "in=2,psum=int16", "--halo-reuse",
                     "--double-buffer", "--per-layer")
    got = spad.sweep(TINY_NET, "64B,128B;16B..64B:x2", machine=machine, per_layer=True)
    assert got == want
    assert all("layers" in row for row in got["rows"])


def test_level_sweep_on_machine_files_equals_cli(spad):
    want = sweep_cli("64B;8B..32B", "--machine", GAP, "--objective", "latency,traffic",
                     "--per-layer")
    got = spad.sweep(TINY_NET, "64B;8B..32B", accelerators=[spad.LevelAccelerator(GAP)],
                     objectives=["latency", "traffic"], per_layer=True)
    assert got == want
    assert [m["objective"] for m in got["machines"]] == ["latency", "traffic"]


def test_rows_are_the_level_search_at_each_point(spad):
    # Each row's off-chip traffic is spad.optimize_network_levels' at its point
    # (the level search run on its own, not the sweep's code).
    doc = spad.sweep(TINY_NET, [[40, 64], [12, 16]])
    assert len(doc["rows"]) == 4
    for row in doc["rows"]:
        alone = spad.optimize_network_levels(TINY_NET, row["capacities_bytes"])
        assert row["traffic_bytes"] == alone["totals"]["traffic_bytes"]


@pytest.mark.parametrize("buffers,kwargs,flags", [
    ("64B;8B", {"target_ratio": 1.2}, ["--target-ratio", "1.2"]),
    ("64B;8B", {"knee": True}, ["--knee"]),
    ("64B;8KiB..1KiB", {}, []),                       # a bad range in the inner set
    ("64B;;8B", {}, []),                              # an empty set
    ("64B;8B", {"objectives": "latency"}, ["--objective", "latency"]),  # no machine file
])
def test_level_sweep_errors_equal_cli(spad, buffers, kwargs, flags):
    want = cli_error("sweep", "--model", TINY_NET, "--buffers", buffers, *flags)
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, buffers, **kwargs)
    assert str(info.value) == want


def test_level_sweep_baselines_equal_cli(spad):
    # The level baselines at every point, per layer too, as the command prints them.
    want = sweep_cli("4B,40B;12B", "--baselines", "--per-layer")
    got = spad.sweep(TINY_NET, [["4B", 40], [12]], baselines=True, per_layer=True)
    assert got == want
    assert got["rows"][0]["baselines"]["working_set"]["layers_fit"] == 0   # fits no layer
    assert got["rows"][1]["baselines"]["working_set"]["layers_fit"] == 2
    # Not on a machine of several levels: the command's message.
    want = cli_error("sweep", "--model", TINY_NET, "--buffers", "64B;8B", "--machine", GAP,
                     "--baselines")
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, "64B;8B", accelerators=[spad.LevelAccelerator(GAP)], baselines=True)
    assert str(info.value) == want


def test_level_sweep_beyond_the_search_equals_cli(spad):
    want = cli_error("sweep", "--model", "alexnet", "--buffers", "512KiB;16KiB..64KiB")
    with pytest.raises(spad.UserError) as info:
        spad.sweep("alexnet", ["512KiB", "16KiB..64KiB"])
    assert str(info.value) == want


def test_machines_of_another_level_count(spad):
    """The command's message, naming the machine where the command names its file."""
    cases = [("64B;8B", HWC, spad.Accelerator(HWC), "hwc-like"),
             ("64B;8B", HWC, spad.LevelAccelerator(HWC), "hwc-like"),
             ("64B", GAP, spad.LevelAccelerator(GAP), "gap-like"),
             ("64B;32B;8B", GAP, spad.LevelAccelerator(GAP), "gap-like")]
    for buffers, path, accel, name in cases:
        want = cli_error("sweep", "--model", TINY_NET, "--buffers", buffers, "--machine", path)
        with pytest.raises(spad.UserError) as info:
            spad.sweep(TINY_NET, buffers, accelerators=[accel])
        assert str(info.value) == want.replace("the machine file " + path, "the machine " + name)
    # Machine options with machine files, and a machine given twice.
    want = cli_error("sweep", "--model", TINY_NET, "--buffers", "64B;8B", "--machine", GAP,
                     "--precision", "w=2")
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, "64B;8B", machine=spad.Machine(precision="w=2"),
                   accelerators=[spad.LevelAccelerator(GAP)])
    assert str(info.value) == want
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, "64B;8B", accelerators=[spad.LevelAccelerator(GAP)] * 2)
    assert "gap-like" in str(info.value) and "twice" in str(info.value)


def test_a_one_level_machine_file_read_as_levels_sweeps_one_level(spad):
    accel = spad.LevelAccelerator(HWC)
    assert (spad.sweep(TINY_NET, "1KiB,2KiB", accelerators=[accel])
            == cli_json("sweep", "--model", TINY_NET, "--buffers", "1KiB,2KiB", "--machine", HWC))


def test_bad_buffers_items(spad):
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, ["64B;32B", "8B"])
    assert str(info.value) == ("buffers[0]: \"64B;32B\" holds a ';'; in a list each item is one "
                               "level's capacity set")
    with pytest.raises(spad.UserError) as info:
        spad.sweep(TINY_NET, ["64B", [8, "16B;32B"]])
    assert str(info.value).startswith("buffers[1][1]: \"16B;32B\" holds a ';'")
    cases = [
        ([64, "8B"], "spad.sweep(): buffers[0] must be a str such as '16KiB..64KiB:x2' or a list "
                     "of ints (bytes) and str, one level's capacity set (a list of ints alone is "
                     "one level's capacities), not int (64)"),
        (["64B", [8, 16.0]], "spad.sweep(): buffers[1][1] must be an int (bytes) or a str such as "
                             "'64KiB', not float (16.0)"),
        (["64B", [True]], "spad.sweep(): buffers[1][0] must be an int (bytes) or a str such as "
                          "'64KiB', not bool (True)"),
        ([64, None], "spad.sweep(): buffers[1] must be an int (bytes), a str or a list (one "
                     "level's capacity set), not NoneType"),
    ]
    for buffers, message in cases:
        with pytest.raises(TypeError) as type_info:
            spad.sweep(TINY_NET, buffers)
        assert str(type_info.value) == message
