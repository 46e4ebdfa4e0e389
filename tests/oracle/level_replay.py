#!/usr/bin/env python3
"""An independent oracle for several-level schedules: DESIGN.md's rules
("Several on-chip levels" on top of "Exact semantics of traffic") replayed
literally in Python, element by element, and compared with what
`spad simulate` and `spad evaluate` print for the same layer, schedule and
machine.

    level_replay.py SPAD [--cases N] [--seed S] [--command simulate|evaluate ...]

It shares no code with spad (another language, sets of element coordinates
instead of footprint formulas), so a fault common to spad's model and
simulator shows here. Layers are tiny so the replay stays fast.

What it replays (from DESIGN.md):
  * the flat nest: level 1's loops over the whole layer, level l's loops over
    [lo + i*t, min(lo + (i+1)*t, hi)) inside the current level-(l-1) tile;
  * A's level-l buffer holds every element touched while the deeper groups
    and its k innermost loops run; it is refilled whenever the index of an
    A-indexing loop outside it changes; with halo_reuse a fill of I loads
    only new elements iff the only such change is one p/q/r/s loop stepping
    by one; loads come from the nearest outer level holding A (off-chip if
    none) and count at every boundary they cross;
  * an O buffer reads back what it holds except elements it holds for the
    first time, and writes its tile back to the nearest outer level holding O
    when it changes and at the end; at each boundary an element's last write
    is final (output precision), the others partial sums;
  * buffer size = the largest footprint (distinct in-bounds elements) over
    its holds, x2 with double_buffer; O at partial-sum precision.
Exit 1 and print the first differing case and field on a mismatch.
"""
import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

DIMS = "ngmcpqrs"
INDEXES = {"I": set("ngcpqrs"), "W": set("gmcrs"), "O": set("ngmpq")}


def derived(layer):
    g = layer["groups"]
    sh, sw = layer["stride"]
    dh, dw = layer["dilation"]
    pt, pl, pb, pr = layer["pad"]
    P = (layer["H"] + pt + pb - dh * (layer["R"] - 1) - 1) // sh + 1
    Q = (layer["W"] + pl + pr - dw * (layer["S"] - 1) - 1) // sw + 1
    return {"n": layer["N"], "g": g, "m": layer["M"] // g, "c": layer["C"] // g, "p": P, "q": Q,
            "r": layer["R"], "s": layer["S"]}


def elements(layer, tensor, box):
    """The distinct in-bounds elements of `tensor` touched in `box` (d -> range)."""
    g_count = layer["groups"]
    cg, mg = layer["C"] // g_count, layer["M"] // g_count
    sh, sw = layer["stride"]
    dh, dw = layer["dilation"]
    pt, pl = layer["pad"][0], layer["pad"][1]
    out = set()
    if tensor == "W":
        for g in box["g"]:
            for m in box["m"]:
                for c in box["c"]:
                    for r in box["r"]:
                        for s in box["s"]:
                            out.add((g * mg + m, c, r, s))
    elif tensor == "O":
        for n in box["n"]:
            for g in box["g"]:
                for m in box["m"]:
                    for p in box["p"]:
                        for q in box["q"]:
                            out.add((n, g * mg + m, p, q))
    else:
        rows = {p * sh + r * dh - pt for p in box["p"] for r in box["r"]}
        cols = {q * sw + s * dw - pl for q in box["q"] for s in box["s"]}
        rows = [h for h in rows if 0 <= h < layer["H"]]
        cols = [w for w in cols if 0 <= w < layer["W"]]
        for n in box["n"]:
            for g in box["g"]:
                for c in box["c"]:
                    for h in rows:
                        for w in cols:
                            out.add((n, g * cg + c, h, w))
    return out


def replay(layer, schedule, precision, capacities, halo_reuse, double_buffer):
    """Per level: {arrays: {A: counts}, traffic_bytes, buffer_bytes, fits}."""
    bounds = derived(layer)
    levels = schedule["levels"]
    L = len(levels)
    # flat nest, outermost first: (level, dim)
    nest = []
    for l, lv in enumerate(levels):
        for d in reversed(lv["order"]):
            nest.append((l, d))
    # the loops inside each buffer: the deeper groups and k innermost of its own
    inside = {}
    for l, lv in enumerate(levels):
        for a in "IWO":
            k = lv["buffer_span"][a]
            if k is None:
                continue
            own = set((l, d) for d in lv["order"][:k])
            deeper = set((j, d) for j in range(l + 1, L) for d in DIMS)
            inside[(l, a)] = own | deeper
    bytes_of = {"I": precision["in"], "W": precision["w"], "O": precision["psum"]}

    counts = [{a: {"reads": 0, "writes": 0, "final_writes": 0, "fills": 0, "buffer_elems": 0}
               for a in "IWO"} for _ in range(L)]
    # boundary b (0-based = level b) O writes per element, to find the last
    o_writes = [dict() for _ in range(L)]  # element -> count
    held = {}        # (l, a) -> (position key, element set)
    ever_held = {}   # (l, 'O') -> set of elements held before
    sizes = {key: 0 for key in inside}

    def outer_holder(l, a):
        for j in range(l - 1, -1, -1):
            if (j, a) in inside:
                return j
        return -1

    def cross(l_from_outer, l_inner, a, field, n):
        # a transfer between level j (or off-chip, j = -1) and level i crosses
        # boundaries j+1..i (0-based: levels j+1..i)
        for b in range(l_from_outer + 1, l_inner + 1):
            counts[b][a][field] += n

    def write_back(l, elems):
        j = outer_holder(l, "O")
        for b in range(j + 1, l + 1):
            counts[b]["O"]["writes"] += len(elems)
            for e in elems:
                o_writes[b][e] = o_writes[b].get(e, 0) + 1

    state = {}  # (level, dim) -> (index, range)

    def box_of(l, a):
        box = {}
        for d in DIMS:
            if (l, d) in inside[(l, a)]:
                # spanned: the enclosing level's tile of d (whole layer at level 0)
                box[d] = state[(l - 1, d)][1] if l > 0 else range(bounds[d])
            else:
                box[d] = state[(l, d)][1]
        return box

    def position_key(l, a):
        return tuple(state[(j, d)][0] for (j, d) in nest
                     if d in INDEXES[a] and (j, d) not in inside[(l, a)] and j <= l)

    def visit():
        # called at every iteration of the innermost loop: check every buffer,
        # outermost level first (an inner fill loads from the outer buffer)
        for l in range(L):
            for a in "IWO":
                if (l, a) not in inside:
                    continue
                key = position_key(l, a)
                old = held.get((l, a))
                if old is not None and old[0] == key:
                    continue
                box = box_of(l, a)
                new = elements(layer, a, box)
                if a == "O" and old is not None:
                    write_back(l, old[1])
                counts[l][a]["fills"] += 1
                sizes[(l, a)] = max(sizes[(l, a)], len(new))
                j = outer_holder(l, a)
                if a == "O":
                    before = ever_held.setdefault((l, a), set())
                    cross(j, l, "O", "reads", len(new & before))
                    before |= new
                else:
                    load = new
                    if a == "I" and halo_reuse and old is not None:
                        changed = [i for i, (x, y) in enumerate(zip(old[0], key)) if x != y]
                        loops = [ld for ld in nest if ld[1] in INDEXES[a]
                                 and ld not in inside[(l, a)] and ld[0] <= l]
                        if (len(changed) == 1 and loops[changed[0]][1] in "pqrs"
                                and key[changed[0]] == old[0][changed[0]] + 1):
                            load = new - old[1]
                    cross(j, l, a, "reads", len(load))
                held[(l, a)] = (key, new)

    def run(pos):
        if pos == len(nest):
            visit()
            return
        l, d = nest[pos]
        lo_hi = state[(l - 1, d)][1] if l > 0 else range(bounds[d])
        lo, hi = lo_hi.start, lo_hi.stop
        t = levels[l]["tiles"][d]
        i = 0
        x = lo
        while x < hi:
            state[(l, d)] = (i, range(x, min(x + t, hi)))
            run(pos + 1)
            x += t
            i += 1

    run(0)
    for l in range(L):
        if (l, "O") in held:
            write_back(l, held[(l, "O")][1])

    whole = {d: range(bounds[d]) for d in DIMS}
    compulsory = (len(elements(layer, "I", whole)) * precision["in"]
                  + len(elements(layer, "W", whole)) * precision["w"]
                  + len(elements(layer, "O", whole)) * precision["out"])
    result = []
    for l in range(L):
        total = 0
        buffer_bytes = 0
        arrays = {}
        for a in "IWO":
            c = counts[l][a]
            if (l, a) in sizes:
                c["buffer_elems"] = sizes[(l, a)] * (2 if double_buffer else 1)
            c["buffer_bytes"] = c["buffer_elems"] * bytes_of[a]
            buffer_bytes += c["buffer_bytes"]
            if a == "O":
                c["final_writes"] = len(o_writes[l])
                total += (c["reads"] * precision["psum"]
                          + c["final_writes"] * precision["out"]
                          + (c["writes"] - c["final_writes"]) * precision["psum"])
            else:
                total += c["reads"] * bytes_of[a]
            arrays[a] = c
        cap = capacities[l]
        result.append({"arrays": arrays, "traffic_bytes": total, "buffer_bytes": buffer_bytes,
                       "compulsory_bytes": compulsory,
                       "fits": cap is None or buffer_bytes <= cap})
    return result


def random_layer(rng):
    while True:
        g = rng.choice([1, 1, 1, 2])
        layer = {"name": "oracle", "N": rng.randint(1, 2), "C": g * rng.randint(1, 3),
                 "M": g * rng.randint(1, 3), "H": rng.randint(1, 7), "W": rng.randint(1, 7),
                 "R": rng.randint(1, 3), "S": rng.randint(1, 3),
                 "stride": [rng.randint(1, 2), rng.randint(1, 2)],
                 "dilation": [rng.randint(1, 2), rng.randint(1, 2)],
                 "pad": [rng.randint(0, 2) for _ in range(4)], "groups": g}
        b = derived(layer)
        if b["p"] >= 1 and b["q"] >= 1:
            return layer


def random_schedule(rng, layer, L):
    bounds = derived(layer)
    levels = []
    for l in range(L):
        order = list(DIMS)
        rng.shuffle(order)
        tiles = {d: rng.randint(1, bounds[d]) for d in DIMS}
        spans = {}
        for a in "IWO":
            if l < L - 1 and rng.random() < 0.25:
                spans[a] = None
            else:
                spans[a] = rng.randint(0, 8)
        levels.append({"name": f"X{l}", "order": order, "tiles": tiles, "buffer_span": spans})
    return {"levels": levels}


FIELDS = ["buffer_elems", "buffer_bytes", "fills", "reads", "writes", "final_writes"]


def compare(expected, got, case):
    levels = got.get("levels")
    if levels is None and len(expected) == 1:
        levels = [got]  # a one-level result is printed in the one-level form
    if levels is None or len(levels) != len(expected):
        return f"{case}: 'levels' missing or of the wrong length in {json.dumps(got)[:400]}"
    for l, (e, g) in enumerate(zip(expected, levels)):
        for a in "IWO":
            for f in FIELDS:
                ge = g["arrays"][a].get(f, 0)
                if f == "final_writes" and a != "O":
                    continue
                if e["arrays"][a][f] != ge:
                    return f"{case}: level {l + 1} {a}.{f}: oracle {e['arrays'][a][f]}, spad {ge}"
        for f in ["traffic_bytes", "buffer_bytes", "compulsory_bytes", "fits"]:
            if e[f] != g[f]:
                return f"{case}: level {l + 1} {f}: oracle {e[f]}, spad {g[f]}"
    if got["traffic_bytes"] != expected[0]["traffic_bytes"]:
        return f"{case}: top-level traffic_bytes {got['traffic_bytes']} != levels[0]'s"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spad")
    ap.add_argument("--cases", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--command", action="append", default=None)
    ap.add_argument("--levels", type=int, action="append", default=None,
                    help="level counts to draw from (default 1, 2, 2, 3)")
    args = ap.parse_args()
    commands = args.command or ["simulate"]
    args.levels = args.levels or [1, 2, 2, 3]
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="spad_level_oracle_"))
    checked = 0
    for case in range(args.cases):
        layer = random_layer(rng)
        L = rng.choice(args.levels)
        schedule = random_schedule(rng, layer, L)
        precision = {"in": rng.choice([1, 2]), "w": rng.choice([1, 2]),
                     "out": rng.choice([1, 2]), "psum": rng.choice([2, 4])}
        halo = rng.random() < 0.5
        double = rng.random() < 0.3
        caps = [rng.choice([64, 256, 4096]) for _ in range(L)]
        expected = replay(layer, schedule, precision, caps, halo, double)
        (tmp / "layer.json").write_text(json.dumps(layer))
        if L == 1:  # the one-level form, which every spad version reads
            one = schedule["levels"][0]
            (tmp / "schedule.json").write_text(json.dumps(
                {k: one[k] for k in ("order", "tiles", "buffer_span")}))
        else:
            (tmp / "schedule.json").write_text(json.dumps(schedule))
        argv_tail = ["--layer", str(tmp / "layer.json"), "--schedule", str(tmp / "schedule.json"),
                     "--buffer", ",".join(str(c) for c in caps), "--precision",
                     ",".join(f"{k}={v}" for k, v in precision.items()), "--json"]
        if halo:
            argv_tail.append("--halo-reuse")
        if double:
            argv_tail.append("--double-buffer")
        for command in commands:
            run = subprocess.run([args.spad, command] + argv_tail, capture_output=True, text=True)
            label = (f"case {case} ({command}): layer {json.dumps(layer)} schedule "
                     f"{json.dumps(schedule)} precision {precision} halo {halo} "
                     f"double {double} caps {caps}")
            if run.returncode != 0:
                print(f"{label}: spad exited {run.returncode}: {run.stderr.strip()}")
                return 1
            problem = compare(expected, json.loads(run.stdout), label)
            if problem:
                print(problem)
                return 1
            checked += 1
    print(f"level oracle: {checked} runs agree ({args.cases} cases x {commands})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
