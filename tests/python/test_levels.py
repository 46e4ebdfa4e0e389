"""spad.evaluate_levels and spad.simulate_levels (a schedule of several
on-chip levels and one capacity per level) return what `spad evaluate|simulate
--schedule S --buffer OUTER,INNER --json` prints for the same input, key by
key, and bad input raises the command's message."""

import json

import pytest

from conftest import cli_error, cli_json, source_path

LAYER = source_path("examples", "levels", "small_layer.json")
LEVELS = source_path("examples", "levels", "two_levels.json")


@pytest.mark.parametrize("command", ["evaluate", "simulate"])
def test_levels_equal_cli(spad, command):
    call = getattr(spad, command + "_levels")
    want = cli_json(command, "--layer", LAYER, "--schedule", LEVELS, "--buffer", "16KiB,2KiB")
    assert call(LAYER, LEVELS, "16KiB,2KiB") == want
    assert list(call(LAYER, LEVELS, "16KiB,2KiB")) == list(want)  # key order too
    assert len(want["levels"]) == 2
    # Capacities as a list (ints are bytes), the schedule as a dict.
    with open(LEVELS, encoding="utf-8") as f:
        as_dict = json.load(f)
    assert call(spad.Layer(LAYER), as_dict, [16384, "2KiB"]) == want
    # No capacities: every level unbounded.
    assert call(LAYER, LEVELS) == cli_json(command, "--layer", LAYER, "--schedule", LEVELS)


@pytest.mark.parametrize("command", ["evaluate", "simulate"])
def test_levels_machine_options_equal_cli(spad, command):
    machine = spad.Machine(precision="in=2,psum=int16", halo_reuse=True, double_buffer=True)
    got = getattr(spad, command + "_levels")(LAYER, LEVELS, "64KiB,4KiB", machine)
    want = cli_json(command, "--layer", LAYER, "--schedule", LEVELS, "--buffer", "64KiB,4KiB",
                    "--precision", "in=2,psum=int16", "--halo-reuse", "--double-buffer")
    assert got == want


def test_simulate_levels_execute_equals_cli(spad):
    got = spad.simulate_levels(LAYER, LEVELS, "16KiB,2KiB", execute=True, seed=3)
    want = cli_json("simulate", "--layer", LAYER, "--schedule", LEVELS, "--buffer", "16KiB,2KiB",
                    "--execute", "--seed", "3")
    assert got == want
    assert got["execute"]["output_matches"] and got["execute"]["counts_match"]


def test_the_result_reads_back(spad):
    doc = spad.evaluate_levels(LAYER, LEVELS, "16KiB,2KiB")
    # The document is a schedule source (its derived counts are checked on read).
    assert spad.simulate_levels(LAYER, doc, "16KiB,2KiB") == doc


@pytest.mark.parametrize("command", ["evaluate", "simulate"])
@pytest.mark.parametrize("buffers", ["16KiB", "16KiB,2KiB,1KiB", "16KiB,-1", "16KiB,,2KiB"])
def test_bad_capacities_raise_cli_message(spad, command, buffers):
    want = cli_error(command, "--layer", LAYER, "--schedule", LEVELS, "--buffer", buffers)
    with pytest.raises(spad.UserError) as info:
        getattr(spad, command + "_levels")(LAYER, LEVELS, buffers)
    assert str(info.value) == want


@pytest.mark.parametrize("command", ["evaluate", "simulate"])
def test_schedule_the_layer_cannot_take_raises_cli_message(spad, command):
    small = "name=tiny,C=4,M=4,H=14,W=14,kernel=3,pad=1"  # m tiles of 16 exceed M = 4
    want = cli_error(command, "--layer", small, "--schedule", LEVELS, "--buffer", "16KiB,2KiB")
    with pytest.raises(spad.UserError) as info:
        getattr(spad, command + "_levels")(small, LEVELS, "16KiB,2KiB")
    assert str(info.value) == want


def test_python_only_mistakes(spad):
    with pytest.raises(spad.UserError) as info:
        spad.evaluate_levels(LAYER, LEVELS, "16KiB,2KiB", spad.Machine(buffer="16KiB"))
    assert str(info.value).startswith("machine: the levels take their capacities from buffers")
    with pytest.raises(TypeError) as type_info:
        spad.evaluate_levels(LAYER, LEVELS, [16384, 2.5])
    assert str(type_info.value) == ("spad.evaluate_levels(): buffers[1] must be an int (bytes) "
                                    "or a str such as '64KiB', not float (2.5)")
    with pytest.raises(TypeError):
        spad.simulate_levels(LAYER, 5, "16KiB,2KiB")
