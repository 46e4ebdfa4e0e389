"""spad.evaluate, spad.simulate and spad.optimize return what `spad evaluate
|simulate|optimize --layer ... --json` prints for the same input: the whole
document compared key by key, number by number (only optimize's
search.seconds, a wall-clock time, is left out)."""

import copy
import json

from conftest import cli_json, source_path

LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")
# A layer with non-square kernel, asymmetric padding, stride and groups, so a
# swapped axis or field would change the numbers.
ODD_LAYER = "name=odd,N=2,C=12,M=18,H=17,W=23,kernel=3x5,stride=2x1,pad=1:2:0:1,groups=3"


def without_timing(doc):
    """The document without what depends on timing: search.seconds, and, when
    the search ran on several threads, its effort counts (how many bounds and
    leaves it evaluated depends on when each thread found an incumbent; the
    schedule and every cost do not)."""
    doc = copy.deepcopy(doc)
    del doc["search"]["seconds"]
    if doc["search"]["threads"] != 1:
        for key in ("evaluations", "complete_schedules", "structures"):
            del doc["search"][key]
    return doc


def test_evaluate_files_equal_cli(spad):
    got = spad.evaluate(spad.Layer(LAYER_FILE), spad.Schedule(SCHEDULE_FILE),
                        spad.Machine(buffer="64KiB"))
    want = cli_json("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                    "--buffer", "64KiB")
    assert got == want
    assert list(got) == list(want)  # same key order too
    assert got["format"] == "spad-result/1"


def test_evaluate_unbounded_machine_by_default(spad):
    got = spad.evaluate(LAYER_FILE, SCHEDULE_FILE)
    assert got == cli_json("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE)
    assert got["machine"]["capacity_bytes"] is None


def test_simulate_with_machine_options_equals_cli(spad):
    machine = spad.Machine(buffer=48 * 1024, precision="in=2,w=1,out=2,psum=int32",
                           halo_reuse=True, double_buffer=True)
    got = spad.simulate(LAYER_FILE, SCHEDULE_FILE, machine)
    want = cli_json("simulate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                    "--buffer", "49152", "--precision", "in=2,w=1,out=2,psum=int32",
                    "--halo-reuse", "--double-buffer")
    assert got == want
    # The simulator and the model agree (the counts above came from the replay).
    assert spad.evaluate(LAYER_FILE, SCHEDULE_FILE, machine) == got


def test_precision_as_dict(spad):
    a = spad.Machine(precision={"in": 2, "psum": "int32"})
    b = spad.Machine(precision="in=2,psum=4")
    assert a.to_dict() == b.to_dict()
    assert a.precision == {"in": 2, "w": 1, "out": 1, "psum": 4}


def test_optimize_equals_cli(spad):
    got = spad.optimize(ODD_LAYER, spad.Machine(buffer="4KiB"), threads=1)
    want = cli_json("optimize", "--layer", ODD_LAYER, "--buffer", "4KiB", "--threads", "1")
    assert without_timing(got) == without_timing(want)
    assert got["search"]["seconds"] >= 0
    # All hardware threads (the default): the same answer.
    got = spad.optimize(ODD_LAYER, spad.Machine(buffer="4KiB"))
    assert got["search"]["threads"] == 0
    assert without_timing(got) == without_timing(want | {"search": want["search"] | {"threads": 0}})


def test_optimize_options_equal_cli(spad):
    machine = spad.Machine(buffer="2KiB", halo_reuse=True)
    for kwargs, flags in [
        ({"min_buffer": True, "threads": 1}, ["--min-buffer", "--threads", "1"]),
        ({"uniform_spans": True, "threads": 1}, ["--uniform-spans", "--threads", "1"]),
        ({"fixed_order": "s,r,q,p,c,m,g,n", "threads": 2},
         ["--fixed-order", "s,r,q,p,c,m,g,n", "--threads", "2"]),
        ({"fixed_order": "s,r,q,p,c,m,g,n", "fixed_spans": "I=3,W=5,O=2"},
         ["--fixed-order", "s,r,q,p,c,m,g,n", "--fixed-spans", "I=3,W=5,O=2"]),
    ]:
        got = spad.optimize(ODD_LAYER, machine, **kwargs)
        want = cli_json("optimize", "--layer", ODD_LAYER, "--buffer", "2KiB", "--halo-reuse",
                        *flags)
        assert without_timing(got) == without_timing(want), kwargs


def test_optimum_reads_back_as_schedule(spad):
    machine = spad.Machine(buffer="64KiB")
    best = spad.optimize(LAYER_FILE, machine)
    again = spad.evaluate(LAYER_FILE, spad.Schedule(best), machine)
    assert again["traffic_bytes"] == best["traffic_bytes"]
    assert spad.Schedule(best) == spad.Schedule(best["schedule"])


def test_layer_values(spad):
    layer = spad.Layer(ODD_LAYER)
    # P = floor((17 + 1 + 0 - 1*(3-1) - 1) / 2) + 1 = 8, Q = floor((23 + 2 + 1 - 4 - 1)/1) + 1 = 22
    assert (layer.P, layer.Q) == (8, 22)
    # N*M*(C/G)*R*S*P*Q = 2*18*4*3*5*8*22
    assert layer.macs == 2 * 18 * 4 * 3 * 5 * 8 * 22
    assert spad.Layer(layer.to_dict()) == layer
    assert layer.bounds == {"n": 2, "g": 3, "m": 6, "c": 4, "p": 8, "q": 22, "r": 3, "s": 5}


def test_layer_entry_kind_and_precision_read_as_the_cli(spad, tmp_path):
    """A layer dict with "kind": "matmul" or its own "precision" is read as
    the CLI reads a --layer entry: a matmul's second operand moves at the
    input size, a layer's own sizes replace the machine's (--precision keys
    on top)."""
    shape = {"N": 1, "C": 8, "M": 6, "H": 4, "W": 4, "R": 1, "S": 1}
    schedule = {"order": ["s", "r", "q", "p", "c", "m", "g", "n"],
                "tiles": {"n": 1, "g": 1, "m": 2, "c": 8, "p": 2, "q": 4, "r": 1, "s": 1},
                "buffer_span": {"I": 2, "W": 3, "O": 2}}
    machine = spad.Machine(buffer="2KiB", precision="in=2,w=1")
    for entry in ({"name": "mm", "kind": "matmul", **shape},
                  {"name": "q", "precision": {"in": 1, "w": 1, "out": 1, "psum": 4}, **shape}):
        layer_file = tmp_path / (entry["name"] + ".json")
        layer_file.write_text(json.dumps(entry))
        schedule_file = tmp_path / "s.json"
        schedule_file.write_text(json.dumps(schedule))
        for question, command in ((spad.evaluate, "evaluate"), (spad.simulate, "simulate")):
            got = question(entry, schedule, machine)
            want = cli_json(command, "--layer", str(layer_file), "--schedule", str(schedule_file),
                            "--buffer", "2KiB", "--precision", "in=2,w=1")
            assert got == want
        got = spad.optimize(entry, machine, threads=1)
        want = cli_json("optimize", "--layer", str(layer_file), "--buffer", "2KiB",
                        "--precision", "in=2,w=1", "--threads", "1")
        assert without_timing(got) == without_timing(want)
    # By hand: |W| = 8 x 6 = 48 elements; a matmul's W at the 2-byte input
    # size, a conv's at the 1-byte weight size.
    mm = spad.evaluate({"name": "mm", "kind": "matmul", **shape}, schedule, machine)
    conv = spad.evaluate({"name": "mm", **shape}, schedule, machine)
    assert mm["machine"]["precision"]["w"] == 2
    assert conv["machine"]["precision"]["w"] == 1
    assert mm["arrays"]["W"]["read_bytes"] == 2 * conv["arrays"]["W"]["read_bytes"]
