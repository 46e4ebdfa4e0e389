"""docs/python.md runs as written: its Python blocks, executed in order in one
namespace (as a notebook would), headless (MPLBACKEND=Agg), write the plot
under the build folder (<build>/python-docs/capacity_sweep.png), and what they
plotted is what `spad sweep --json` answers, and so is its sweep over two
on-chip levels."""

import os
import re

from conftest import BUILD_DIR, cli_json, source_path


def python_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_docs_python_example_runs_headless(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out_dir = os.path.join(BUILD_DIR, "python-docs")
    os.makedirs(out_dir, exist_ok=True)
    png = os.path.join(out_dir, "capacity_sweep.png")
    if os.path.exists(png):
        os.remove(png)
    # The page's relative paths are the repository's (examples/levels/...).
    examples = os.path.join(out_dir, "examples")
    if not os.path.lexists(examples):
        os.symlink(source_path("examples"), examples)
    monkeypatch.chdir(out_dir)

    blocks = python_blocks(source_path("docs", "python.md"))
    assert len(blocks) >= 3
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)

    with open(png, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    want = cli_json("sweep", "--model", "mobilenet_v2,resnet18", "--buffers", "4KiB..1MiB:x2")
    assert namespace["result"] == want
    # Each network's line has one point per capacity (4 KiB .. 1 MiB: 9).
    ax = namespace["ax"]
    plotted = [line for line in ax.get_lines() if not line.get_linestyle() == ":"]
    assert [len(line.get_xdata()) for line in plotted] == [9, 9]
    resnet = [r["traffic_bytes"] / 2**20 for r in want["rows"] if r["model"] == "resnet18"]
    assert list(plotted[1].get_ydata()) == resnet
    # The sweep over two levels equals the command's.
    tiny = source_path("examples", "levels", "tiny_net.json")
    assert namespace["levels_result"] == cli_json("sweep", "--model", tiny, "--buffers",
                                                  "16B,32B;8B..32B:x2")
