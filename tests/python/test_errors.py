"""Bad input raises spad.UserError (a ValueError) with exactly the message the
`spad` command prints after "spad: error: " for the same input."""

import pytest

from conftest import cli_error, source_path

LAYER_FILE = source_path("examples", "layers", "res2a_branch2b.json")
SCHEDULE_FILE = source_path("examples", "schedules", "res2a_branch2b.json")
EDGE_NPU = source_path("examples", "machines", "edge-npu.yaml")
HWC_LIKE = source_path("examples", "machines", "hwc-like.yaml")
ONNX_GEMM = source_path("tests", "fuzz", "corpus", "fuzz_onnx", "gemm.onnx")
ZOO_ALEXNET = source_path("data", "zoo", "alexnet.json")
SCHEDULE = '{"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":32,' \
    '"c":16,"p":14,"q":14,"r":3,"s":3},"buffer_span":{"I":4,"W":5,"O":2}}'


def _edge_npu():
    import spad
    return spad.Accelerator(EDGE_NPU)


EDGE_NPU_ACCEL = _edge_npu()


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
        ({"buffers": [1024, 2**64]}, ["--buffers", "1024,18446744073709551616"]),
        ({"buffers": "4KiB", "target_ratio": "0.5"},
         ["--buffers", "4KiB", "--target-ratio", "0.5"]),
        ({"buffers": "4KiB", "target_ratio": 0.5},
         ["--buffers", "4KiB", "--target-ratio", "0.5"]),
        ({"buffers": "4KiB", "knee": 1.5}, ["--buffers", "4KiB", "--knee", "1.5"]),
        ({"buffers": "4KiB", "knee": float("nan")}, ["--buffers", "4KiB", "--knee", "nan"]),
        ({"buffers": "4KiB", "objectives": ["latency"]},
         ["--buffers", "4KiB", "--objective", "latency"]),
        ({"buffers": "4KiB", "accelerators": [EDGE_NPU_ACCEL], "objectives": ["fast"]},
         ["--buffers", "4KiB", "--machine", EDGE_NPU, "--objective", "fast"]),
        ({"buffers": "4KiB", "accelerators": [EDGE_NPU_ACCEL], "objectives": "traffic,traffic"},
         ["--buffers", "4KiB", "--machine", EDGE_NPU, "--objective", "traffic,traffic"]),
        ({"buffers": "4KiB", "accelerators": [EDGE_NPU_ACCEL],
          "machine": {"halo_reuse": True}},
         ["--buffers", "4KiB", "--machine", EDGE_NPU, "--halo-reuse"]),
    ]:
        if isinstance(kwargs.get("machine"), dict):
            kwargs = dict(kwargs, machine=spad.Machine(**kwargs["machine"]))
        info = raised(lambda: spad.sweep("alexnet", **kwargs))
        assert info.type is spad.UserError
        assert str(info.value) == cli_error("sweep", "--model", "alexnet", *flags), kwargs


@pytest.mark.parametrize("models, text", [
    ("alexnet,alexnet", "alexnet,alexnet"),
    (["alexnet", "alexnet"], "alexnet,alexnet"),
    (["alexnet,tc_resnet8", "alexnet"], "alexnet,tc_resnet8,alexnet"),
    ("alexnet,", "alexnet,"),
    # The same model by name and by file: its rows would repeat under one label.
    (["alexnet", ZOO_ALEXNET], "alexnet," + ZOO_ALEXNET),
])
def test_sweep_models_given_twice(spad, models, text):
    want = cli_error("sweep", "--model", text, "--buffers", "4KiB")
    assert want.startswith(f'--model "{text}": ')
    info = raised(lambda: spad.sweep(models, "4KiB"))
    assert str(info.value) == want


def test_sweep_network_given_twice(spad):
    # A loaded network counts by its model name.
    info = raised(lambda: spad.sweep([spad.zoo("alexnet"), "alexnet"], "4KiB"))
    assert str(info.value) == ('--model "alexnet,alexnet": "alexnet" is the model "alexnet" '
                               'again (also "alexnet"; its rows would repeat); give each model once')


def test_sweep_machine_given_twice(spad):
    # Python has no file names: a machine is labelled by its name.
    info = raised(lambda: spad.sweep("alexnet", "4KiB", accelerators=[EDGE_NPU_ACCEL] * 2))
    want = cli_error("sweep", "--model", "alexnet", "--buffers", "4KiB",
                     "--machine", EDGE_NPU, "--machine", EDGE_NPU)
    assert want == (f'--machine {EDGE_NPU}: the machine "edge-npu" is given twice (also '
                    f'{EDGE_NPU}); give each machine once, with distinct names')
    assert str(info.value) == want.replace(EDGE_NPU, "edge-npu")


def test_sweep_machine_with_a_buffer(spad):
    # `spad sweep` has no --buffer: the capacities are `buffers`.
    info = raised(lambda: spad.sweep("alexnet", "4KiB", machine=spad.Machine(buffer="4KiB")))
    assert info.type is spad.UserError
    assert str(info.value) == ("machine: a sweep takes its capacities from buffers; give a "
                               "spad.Machine without a buffer")


@pytest.mark.parametrize("threads", [-1, 1025, 2**31 - 1, 2**64])
def test_thread_count_outside_0_to_1024(spad, threads):
    # The CLI refuses --threads outside 0..1024 (docs/resource-contract.md);
    # every function taking threads refuses the same counts with its message.
    layer = spad.Layer(LAYER_FILE)
    machine = spad.Machine(buffer="64KiB")
    want = cli_error("optimize", "--layer", LAYER_FILE, "--buffer", "64KiB",
                     "--threads", str(threads))
    assert want.startswith(f'--threads: "{threads}" is too')
    assert cli_error("sweep", "--model", "alexnet", "--buffers", "4KiB",
                     "--threads", str(threads)) == want
    for call in (lambda: spad.optimize(layer, machine, threads=threads),
                 lambda: spad.optimize_network("tc_resnet8", machine, threads=threads),
                 lambda: spad.compare("tc_resnet8", machine, threads=threads),
                 lambda: spad.accel("tc_resnet8", spad.Accelerator(EDGE_NPU), threads=threads),
                 lambda: spad.sweep("tc_resnet8", "4KiB", threads=threads)):
        info = raised(call)
        assert info.type is spad.UserError
        assert str(info.value) == want


@pytest.mark.parametrize("buffer", [0, -1, 2**63, 2**64])
def test_buffer_count_has_the_cli_message(spad, buffer):
    # An int buffer is read as its decimal text by the --buffer reader.
    info = raised(lambda: spad.Machine(buffer=buffer))
    assert info.type is spad.UserError
    want = cli_error("evaluate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                     "--buffer", str(buffer))
    assert str(info.value) == want
    assert want.startswith(f'--buffer "{buffer}": ')


def test_largest_buffer_is_accepted(spad):
    assert spad.Machine(buffer=2**63 - 1).capacity_bytes == 2**63 - 1


@pytest.mark.parametrize("batch", [0, -3, 2**63, 2**70])
def test_batch_has_the_cli_message(spad, batch):
    machine = spad.Machine(buffer="64KiB")
    want = cli_error("optimize", "--model", "tc_resnet8", "--buffer", "64KiB",
                     "--batch", str(batch))
    assert want.startswith(f'--batch: "{batch}" is too')
    # Every command with --batch says the same (sweep reads it as optimize does).
    assert cli_error("sweep", "--model", "tc_resnet8", "--buffers", "4KiB",
                     "--batch", str(batch)) == want
    for call in (lambda: spad.optimize_network("tc_resnet8", machine, batch=batch),
                 lambda: spad.compare("tc_resnet8", machine, batch=batch),
                 lambda: spad.accel("tc_resnet8", spad.Accelerator(EDGE_NPU), batch=batch),
                 lambda: spad.sweep("tc_resnet8", "4KiB", batch=batch),
                 lambda: spad.load_network("tc_resnet8", batch=batch),
                 lambda: spad.load_onnx(ONNX_GEMM, batch=batch)):
        info = raised(call)
        assert info.type is spad.UserError
        assert str(info.value) == want


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_seed_has_the_cli_message(spad, seed):
    info = raised(lambda: spad.simulate(LAYER_FILE, SCHEDULE_FILE, execute=True, seed=seed))
    want = cli_error("simulate", "--layer", LAYER_FILE, "--schedule", SCHEDULE_FILE,
                     "--execute", "--seed", str(seed))
    assert str(info.value) == want


def test_largest_seed_is_accepted(spad):
    got = spad.simulate(LAYER_FILE, SCHEDULE_FILE, spad.Machine(buffer="64KiB"),
                        execute=True, seed=2**64 - 1)
    assert got["execute"]["seed"] == 2**64 - 1


@pytest.mark.parametrize("command", ["optimize", "compare"])
def test_a_capacity_is_required(spad, command):
    # optimize and compare need --buffer; a spad.Machine without one is refused
    # with the CLI's message, for a layer and for a network.
    want = cli_error(command, "--layer", LAYER_FILE)
    assert want == "--buffer is required"
    assert cli_error(command, "--model", "tc_resnet8") == want
    calls = [lambda: spad.compare("tc_resnet8", spad.Machine()),
             lambda: spad.compare(spad.Layer(LAYER_FILE), spad.Machine())]
    if command == "optimize":
        calls = [lambda: spad.optimize(LAYER_FILE, spad.Machine()),
                 lambda: spad.optimize_network("tc_resnet8", spad.Machine())]
    for call in calls:
        info = raised(call)
        assert str(info.value) == want


@pytest.mark.parametrize("kwargs, flag", [({"batch": 2}, "--batch"), ({"layers": "0"}, "--layers")])
def test_a_layer_takes_no_batch_or_selection(spad, kwargs, flag):
    value = str(next(iter(kwargs.values())))
    want = cli_error("compare", "--layer", LAYER_FILE, "--buffer", "4KiB", flag, value)
    assert want == "--layer excludes " + flag
    layer = spad.Layer(LAYER_FILE)
    for call in (lambda: spad.compare(layer, spad.Machine(buffer="4KiB"), **kwargs),
                 lambda: spad.accel(layer, spad.Accelerator(EDGE_NPU), **kwargs)):
        assert str(raised(call).value) == want


def test_bad_accel_objective(spad):
    info = raised(lambda: spad.accel("tc_resnet8", spad.Accelerator(EDGE_NPU), objective="fast"))
    assert str(info.value) == cli_error("accel", "--model", "tc_resnet8", "--machine", EDGE_NPU,
                                        "--objective", "fast")


def test_bad_fixed_order(spad):
    machine = spad.Machine(buffer="64KiB")
    want = cli_error("optimize", "--layer", LAYER_FILE, "--buffer", "64KiB",
                     "--fixed-order", "s,r,q,p,c,m,g,x")
    assert str(raised(lambda: spad.optimize(LAYER_FILE, machine,
                                            fixed_order="s,r,q,p,c,m,g,x")).value) == want
    assert str(raised(lambda: spad.optimize(LAYER_FILE, machine,
                                            fixed_order=list("srqpcmgx"))).value) == want


def test_bad_layer_selection(spad):
    machine = spad.Machine(buffer="64KiB")
    want = cli_error("optimize", "--model", "alexnet", "--buffer", "64KiB", "--layers", "99")
    assert "index 99 is out of range" in want
    assert str(raised(lambda: spad.optimize_network("alexnet", machine,
                                                    layers="99")).value) == want
    assert str(raised(lambda: spad.compare("alexnet", machine, layers="99")).value) == want


@pytest.mark.parametrize("old, new", [
    ("unroll: {m: 32, c: 32}", "unroll: {m: 0, c: 32}"),      # used to divide by zero
    ("unroll: {m: 32, c: 32}", "unroll: {m: 32, c: -4}"),
    ("clock_mhz: 800", "clock_mhz: 0"),
])
def test_bad_accelerator_raises_the_cli_message(spad, tmp_path, old, new):
    with open(EDGE_NPU, encoding="utf-8") as f:
        text = f.read()
    assert old in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, new), encoding="utf-8")
    want = cli_error("accel", "--model", "tc_resnet8", "--machine", str(bad))
    assert str(raised(lambda: spad.Accelerator(str(bad))).value) == want
    assert str(raised(lambda: spad.Accelerator.from_text(
        text.replace(old, new), source=str(bad))).value) == want
