"""spad.optimize_levels and spad.optimize_network_levels (the level search on
one layer or a network, one capacity per on-chip level) return what `spad
optimize --layer|--model ... --buffer OUTER,INNER --json` prints for the same
input, key by key (only search.seconds, a wall-clock time, is left out), and
bad input raises the command's message."""

import json

import pytest

from conftest import cli_error, cli_json

# C=2 inputs, M=4 outputs over a 4x4 image, 1x1 kernel: small enough for the
# exhaustive level search (tests/cli/optimize_levels_cli_test uses it too).
TINY = "N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny"
# A 3x1 kernel with padding on every side, odd sizes: partial tiles and halos.
ODD = "N=1,C=1,M=3,H=5,W=1,R=3,S=1,pad=1,name=odd"

TINY_NET = {"model": "tinynet", "layers": [
    {"name": "a", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1},
    {"name": "b", "N": 1, "C": 2, "M": 2, "H": 4, "W": 4, "R": 1, "S": 1},
    {"name": "a2", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1}]}


def untimed(doc):
    doc = dict(doc)
    search = dict(doc["search"])
    assert search.pop("seconds") >= 0
    doc["search"] = search
    return doc


@pytest.mark.parametrize("layer,buffers", [(TINY, "40B,12B"), (TINY, "64B,32B,16B"),
                                           (ODD, "200B,40B")])
def test_optimize_levels_equals_cli(spad, layer, buffers):
    want = cli_json("optimize", "--layer", layer, "--buffer", buffers, "--threads", "1")
    got = spad.optimize_levels(layer, buffers, threads=1)
    assert untimed(got) == untimed(want)
    assert list(got) == list(want)  # key order too
    assert len(got["levels"]) == len(buffers.split(","))
    # Capacities as a list (ints are bytes, str are sizes), any thread count.
    as_list = [int(b[:-1]) if i % 2 == 0 else b for i, b in enumerate(buffers.split(","))]
    again = spad.optimize_levels(spad.Layer(layer), as_list, threads=2)
    assert again["schedule"] == want["schedule"] and again["levels"] == want["levels"]


def test_optimize_levels_machine_options_equal_cli(spad):
    machine = spad.Machine(precision="in=2,psum=int16", halo_reuse=True, double_buffer=True)
    got = spad.optimize_levels(ODD, "400B,80B", machine, threads=1)
    want = cli_json("optimize", "--layer", ODD, "--buffer", "400B,80B", "--threads", "1",
                    "--precision", "in=2,psum=int16", "--halo-reuse", "--double-buffer")
    assert untimed(got) == untimed(want)


def test_the_optimum_replays(spad):
    best = spad.optimize_levels(TINY, "40B,12B")
    replay = spad.simulate_levels(TINY, best["schedule"], "40B,12B")
    assert replay["levels"] == best["levels"]
    assert replay["traffic_bytes"] == best["traffic_bytes"]


def test_optimize_network_levels_equals_cli(spad, tmp_path):
    path = tmp_path / "tinynet.json"
    path.write_text(json.dumps(TINY_NET))
    want = cli_json("optimize", "--model", str(path), "--buffer", "40B,12B")
    assert spad.optimize_network_levels(str(path), "40B,12B") == want
    assert spad.optimize_network_levels(spad.load_network(str(path)), [40, 12]) == want
    chosen = cli_json("optimize", "--model", str(path), "--buffer", "40B,12B", "--layers", "1-2",
                      "--precision", "psum=2")
    assert spad.optimize_network_levels(str(path), "40B,12B", spad.Machine(precision="psum=2"),
                                        layers="1-2") == chosen


def test_network_layer_that_does_not_fit_is_in_the_document(spad, tmp_path):
    path = tmp_path / "tinynet.json"
    path.write_text(json.dumps(TINY_NET))
    doc = spad.optimize_network_levels(str(path), "40B,5B")
    assert doc["totals"]["infeasible_layers"] == 3
    assert all(layer["fits"] is False for layer in doc["layers"])


@pytest.mark.parametrize("layer,buffers", [
    (TINY, "40B,5B"),                    # nothing fits the innermost level
    (TINY, "40B,-1"),                    # a bad capacity
    (TINY, "40B,,12B"),                  # an empty piece
    ("C=64,M=64,H=56,W=56,kernel=3,pad=1,name=big", "512KiB,64KiB"),  # beyond the search
])
def test_bad_input_raises_cli_message(spad, layer, buffers):
    want = cli_error("optimize", "--layer", layer, "--buffer", buffers)
    with pytest.raises(spad.UserError) as info:
        spad.optimize_levels(layer, buffers)
    assert str(info.value) == want


def test_network_beyond_the_search_raises_cli_message(spad):
    want = cli_error("optimize", "--model", "resnet50", "--buffer", "512KiB,64KiB")
    with pytest.raises(spad.UserError) as info:
        spad.optimize_network_levels("resnet50", "512KiB,64KiB")
    assert str(info.value) == want


def test_python_only_mistakes(spad):
    with pytest.raises(spad.UserError) as info:
        spad.optimize_levels(TINY, "40B")
    assert "gives one capacity" in str(info.value) and "spad.optimize" in str(info.value)
    with pytest.raises(spad.UserError) as info:
        spad.optimize_levels(TINY, "40B,12B", spad.Machine(buffer="16KiB"))
    assert str(info.value).startswith("machine: the levels take their capacities from buffers")
    # The argument and the bad item, by position (test_argument_types has more).
    with pytest.raises(TypeError) as type_info:
        spad.optimize_levels(TINY, [40, 1.5])
    assert str(type_info.value) == ("spad.optimize_levels(): buffers[1] must be an int (bytes) "
                                    "or a str such as '64KiB', not float (1.5)")
    with pytest.raises(TypeError):
        spad.optimize_levels(TINY, "40B,12B", threads=1.0)


ORDERS = "s,r,q,p,c,m,g,n;s,r,q,c,p,m,g,n"
SPANS = "I=8,W=null,O=7;I=4,W=6,O=3"


def test_restricted_spaces_equal_cli(spad, tmp_path):
    """uniform_spans, fixed_order and fixed_spans are the command's flags."""
    for flags, kwargs in ((["--uniform-spans"], {"uniform_spans": True}),
                          (["--fixed-order", ORDERS], {"fixed_order": ORDERS}),
                          (["--fixed-order", ORDERS, "--fixed-spans", SPANS],
                           {"fixed_order": ORDERS, "fixed_spans": SPANS})):
        want = cli_json("optimize", "--layer", TINY, "--buffer", "1000B,40B", "--threads", "1",
                        *flags)
        got = spad.optimize_levels(TINY, "1000B,40B", threads=1, **kwargs)
        assert untimed(got) == untimed(want)
        assert got["search"]["space"]["uniform_spans"] == ("uniform_spans" in kwargs)
    path = tmp_path / "tinynet.json"
    path.write_text(json.dumps(TINY_NET))
    want = cli_json("optimize", "--model", str(path), "--buffer", "1000B,40B",
                    "--fixed-order", ORDERS, "--fixed-spans", SPANS)
    got = spad.optimize_network_levels(str(path), "1000B,40B", fixed_order=ORDERS,
                                       fixed_spans=SPANS)
    assert got == want
    assert got["search"]["space"]["fixed_spans"][0]["W"] is None
    with pytest.raises(spad.UserError) as info:
        spad.optimize_levels(TINY, "1000B,40B", fixed_order=ORDERS.split(";")[0])
    assert str(info.value) == cli_error("optimize", "--layer", TINY, "--buffer", "1000B,40B",
                                        "--fixed-order", ORDERS.split(";")[0])


def test_layer_entry_kind_read_as_cli(spad, tmp_path):
    """A matmul layer dict: its second operand at the input size, as --layer."""
    entry = {"name": "mm", "kind": "matmul", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4,
             "R": 1, "S": 1}
    path = tmp_path / "mm.json"
    path.write_text(json.dumps(entry))
    machine = spad.Machine(precision="in=2,w=1")
    want = cli_json("optimize", "--layer", str(path), "--buffer", "80B,24B", "--threads", "1",
                    "--precision", "in=2,w=1")
    got = spad.optimize_levels(entry, "80B,24B", machine, threads=1)
    assert untimed(got) == untimed(want)
    assert got["machine"]["precision"]["w"] == 2
