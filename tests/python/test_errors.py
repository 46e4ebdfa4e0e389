"""Bad input raises spad.UserError (a ValueError) with exactly the message the
`spad` command prints after "spad: error: " for the same input."""

import pytest

from conftest import cli_error, source_path

LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")
SCHEDULE = '{"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":32,' \
    '"c":16,"p":14,"q":14,"r":3,"s":3},"buffer_span":{"I":4,"W":5,"O":2}}'


def raised(call):
    with pytest.raises(ValueError) as info:
        call()
    return info


def test_user_error_is_a_value_error(spad):
    assert issubclass(spad.UserError, ValueError)
    assert not issubclass(spad.InternalError, ValueError)


@pytest.mark.parametrize("layer", [
    "C=64,M=64,H=56,W=56,kernel=3,groups=5",        # groups does not divide C
    "C=64,M=64,H=56,W=56",                          # no kernel
    "C=64,M=64,H=56,W=56,kernel=3,colour=red",      # unknown key
    '{"C": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3, "stride": 0}',
    "no/such/layer.json",
])
def test_bad_layer(spad, layer):
    info = raised(lambda: spad.Layer(layer))
    assert info.type is spad.UserError
    want = cli_error("evaluate", "--layer", layer, "--schedule", SCHEDULE_FILE)
    assert str(info.value) == want


def test_bad_layer_dict(spad):
    info = raised(lambda: spad.Layer({"C": 64, "M": 64, "H": 56, "W": 56, "R": 3}))
    want = cli_error("evaluate", "--layer", '{"C": 64, "M": 64, "H": 56, "W": 56, "R": 3}',
                     "--schedule", SCHEDULE_FILE)
    assert str(info.value) == want


@pytest.mark.parametrize("schedule", [
    SCHEDULE.replace('"s","r"', '"s","s"'),           # order not a permutation
    SCHEDULE.replace('"buffer_span"', '"buffer_spam"'),  # misspelt key
    SCHEDULE.replace('"m":32', '"m":65'),              # tile beyond M
])
def test_bad_schedule(spad, schedule):
    info = raised(lambda: spad.evaluate(LAYER_FILE, schedule))
    assert info.type is spad.UserError
    assert str(info.value) == cli_error("evaluate", "--layer", LAYER_FILE, "--schedule", schedule)


@pytest.mark.parametrize("buffer", ["64kb", "0", "1.5B", "lots"])
def test_bad_buffer(spad, buffer):
    info = raised(lambda: spad.Machine(buffer=buffer))
    want = cli_error("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                     "--buffer", buffer)
    assert str(info.value) == want


def test_bad_precision(spad):
    info = raised(lambda: spad.Machine(precision="in=1,wieght=2"))
    want = cli_error("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                     "--precision", "in=1,wieght=2")
    assert str(info.value) == want


def test_optimize_nothing_fits(spad):
    info = raised(lambda: spad.optimize(LAYER_FILE, spad.Machine(buffer=5)))
    want = cli_error("optimize", "--layer", LAYER_FILE, "--buffer", "5")
    assert str(info.value) == want
    assert "6 bytes" in want  # the smallest capacity (spad optimize reports 6 B for it)


def test_unknown_model(spad):
    info = raised(lambda: spad.zoo("resnet5O"))
    assert str(info.value) == cli_error("sweep", "--model", "resnet5O", "--buffers", "64KiB")
    info = raised(lambda: spad.load_network("resnet5O"))
    assert str(info.value) == cli_error("sweep", "--model", "resnet5O", "--buffers", "64KiB")


def test_not_an_onnx_file(spad, tmp_path):
    path = tmp_path / "not_a_model.onnx"
    path.write_text('{"model": "x"}')
    info = raised(lambda: spad.load_onnx(str(path)))
    assert str(info.value) == cli_error("sweep", "--model", str(path), "--buffers", "64KiB")


def test_bad_machine_file(spad):
    path = source_path("examples", "layers", "res2a_branch2b.json")
    info = raised(lambda: spad.Accelerator(path))
    want = cli_error("sweep", "--model", "alexnet", "--buffers", "64KiB", "--machine", path)
    assert str(info.value) == want


def test_bad_sweep_arguments(spad):
    for kwargs, flags in [
        ({"buffers": "4KiB..1KiB"}, ["--buffers", "4KiB..1KiB"]),
        ({"buffers": [0]}, ["--buffers", "0"]),
        ({"buffers": "4KiB", "target_ratio": "0.5"},
         ["--buffers", "4KiB", "--target-ratio", "0.5"]),
        ({"buffers": "4KiB", "objectives": ["latency"]},
         ["--buffers", "4KiB", "--objective", "latency"]),
    ]:
        info = raised(lambda: spad.sweep("alexnet", **kwargs))
        assert str(info.value) == cli_error("sweep", "--model", "alexnet", *flags), kwargs


@pytest.mark.parametrize("threads", [-1, 1025, 2**31 - 1])
def test_thread_count_outside_0_to_1024(spad, threads):
    # The CLI refuses --threads outside 0..1024 (docs/resource-contract.md);
    # the module refuses the same counts instead of recording them.
    layer = spad.Layer(LAYER_FILE)
    machine = spad.Machine(buffer="64KiB")
    for call in (lambda: spad.optimize(layer, machine, threads=threads),
                 lambda: spad.optimize_network("tc_resnet8", machine, threads=threads)):
        info = raised(call)
        assert info.type is spad.UserError
        assert str(info.value) == (f"threads = {threads}: the number of threads must be 0 "
                                   "(all hardware threads) to 1024")
