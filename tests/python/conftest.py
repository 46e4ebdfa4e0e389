"""Shared fixtures of the pytest suite of the Python module (ctest label
"python"): the `spad` command of the same build, run with --json, is the
reference every binding is compared with. CMake (python/CMakeLists.txt) sets
PYTHONPATH to <build>/python and SPAD_CLI, SPAD_SOURCE_DIR, SPAD_BUILD_DIR."""

import json
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get(
    "SPAD_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD_DIR = os.environ.get("SPAD_BUILD_DIR", os.path.join(SOURCE_DIR, "build", "release"))
CLI = os.environ.get("SPAD_CLI", os.path.join(BUILD_DIR, "spad"))

ERROR_PREFIX = "spad: error: "


def source_path(*parts):
    return os.path.join(SOURCE_DIR, *parts)


def run_cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=False)


def cli_json(*args):
    """The document `spad ARGS --json` prints, parsed as the module parses its own."""
    done = run_cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


USAGE_HINT = "\nRun with --help for more information."


def cli_error(*args):
    """The message of a failing `spad ARGS` (what follows "spad: error: "), exit code 2;
    without the hint line a flag error ends with (the module's messages have no flags
    to get help on)."""
    done = run_cli(*args)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert done.stderr.startswith(ERROR_PREFIX), done.stderr
    message = done.stderr[len(ERROR_PREFIX):].rstrip("\n")
    return message[:-len(USAGE_HINT)] if message.endswith(USAGE_HINT) else message


@pytest.fixture(scope="session")
def spad():
    import spad as module
    return module
