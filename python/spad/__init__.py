"""spad: memory-optimal schedules of CNN layers on scratchpad accelerators.

The Python face of spad's public C++ API (include/spad/spad.hpp). Values:
Layer, Schedule, Machine, Accelerator, Network. Questions, each returning the
dict that the `spad` command prints with --json for the same input (same
keys, same numbers): evaluate, simulate, optimize (one layer), evaluate_levels,
simulate_levels (a schedule of several on-chip levels), optimize_network,
compare, accel (network studies), sweep (networks over capacities, one set
per on-chip level for several). Readers: zoo, load_onnx, load_network. A wrong Python type raises
TypeError naming the argument; a bad value raises spad.UserError (a
ValueError) with the command's message; a bug raises spad.InternalError
(docs/python.md).

    import spad
    layer = spad.Layer("C=64,M=64,H=56,W=56,kernel=3,pad=1")
    best = spad.optimize(layer, spad.Machine(buffer="64KiB"))
    best["traffic_bytes"], best["schedule"]
"""

from ._spad import *  # noqa: F401,F403
from ._spad import UserError, InternalError  # noqa: F401
UserError.__module__ = "spad"
InternalError.__module__ = "spad"
