#!/usr/bin/env python3
"""Regenerates docs/paper-reproduction.md from the built spad CLI.

Runs `spad compare --model NET --buffer CAP --precision in=2,w=2,out=2,psum=2
--halo-reuse --json` for ResNet-50, VGG-16 and AlexNet at 4, 16 and 64 KiB (and
the same `spad optimize ... --min-buffer --json`, the least per-array storage
that reaches the optimum's traffic) and writes the tables that reproduce the
two claims of Stoutchinin, Conti, Benini (2019): the HWCE-like engine's traffic
over the optimum's (per layer, with the maximum and the median), and the
storage the working-set model needs for the optimum's traffic against the
per-array buffers. Python 3 standard library only.

Usage (from the repository root, after building the release preset):
    python3 scripts/paper_reproduction.py [--spad build/release/spad]
        [--out docs/paper-reproduction.md] [--threads 0]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

NETWORKS = [("resnet50", "ResNet-50"), ("vgg16", "VGG-16"), ("alexnet", "AlexNet")]
CAPACITIES = ["4KiB", "16KiB", "64KiB"]
PRECISION = "in=2,w=2,out=2,psum=2"
SENSITIVITY_PRECISION = "in=2,w=2,out=2,psum=4"
SENSITIVITY_CAPACITY = "16KiB"
HWCE = ["hwce_v1", "hwce_v2", "hwce_v4"]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMAND = "python3 scripts/paper_reproduction.py"


def compare_args(model, capacity, precision, threads):
    return ["compare", "--model", model, "--buffer", capacity, "--precision", precision,
            "--halo-reuse", "--threads", str(threads), "--json"]


def min_buffer_args(model, capacity, precision, threads):
    return ["optimize", "--model", model, "--buffer", capacity, "--precision", precision,
            "--halo-reuse", "--min-buffer", "--threads", str(threads), "--json"]


def run_spad(spad, args):
    args = [spad] + args
    start = time.monotonic()
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"paper_reproduction: {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout), seconds


def run_compare(spad, model, capacity, precision, threads):
    """The compare document, each layer with "least_buffer_bytes": the fewest per-array buffer
    bytes that reach its optimum's traffic (optimize --min-buffer at the same capacity)."""
    doc, seconds = run_spad(spad, compare_args(model, capacity, precision, threads))
    least, more = run_spad(spad, min_buffer_args(model, capacity, precision, threads))
    if len(least["layers"]) != len(doc["layers"]):
        sys.exit("paper_reproduction: compare and optimize --min-buffer list different layers")
    for layer, small in zip(doc["layers"], least["layers"]):
        if small["name"] != layer["name"] or small["fits"] != layer["fits"]:
            sys.exit(f"paper_reproduction: layer {layer['name']} differs between the runs")
        if layer["fits"] and small["traffic_bytes"] != layer["traffic_bytes"]:
            sys.exit(f"paper_reproduction: {layer['name']}: --min-buffer changed the traffic")
        layer["least_buffer_bytes"] = small["buffer_bytes"]
        layer["least_buffer_spans"] = small["schedule"]["buffer_span"] if small["fits"] else None
    return doc, seconds + more


def traffic(baseline):
    return baseline["traffic_bytes"] if baseline["feasible"] else None


def hwce_best(layer):
    """(traffic, V) of the best HWCE-like variant that fits, or (None, None)."""
    best = (None, None)
    for key in HWCE:
        t = traffic(layer["baselines"][key])
        if t is not None and (best[0] is None or t < best[0]):
            best = (t, int(key[-1]))
    return best


def ratio(num, den):
    return None if num is None or den in (None, 0) else num / den


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}x"


def fmt_bytes(value):
    return "—" if value is None else f"{value:,}"


def psum_share(layer, key):
    """Fraction of an HWCE variant's traffic that is the output/partial-sum stream."""
    b = layer["baselines"][key]
    if not b["feasible"]:
        return None
    o = b["arrays"]["O"]
    return (o["read_bytes"] + o["write_bytes"]) / b["traffic_bytes"]


def summarize(doc):
    """Statistics over the conv layers (graph order, repeated shapes counted each time)."""
    convs = [l for l in doc["layers"] if l["kind"] == "conv" and l["fits"]]
    out = {"layers": len(convs)}
    best_ratios = []
    for l in convs:
        t, v = hwce_best(l)
        if t is not None:
            best_ratios.append((t / l["traffic_bytes"], l["name"], v))
    out["best"] = best_ratios
    for key in HWCE:
        out[key] = [r for r in (ratio(traffic(l["baselines"][key]), l["traffic_bytes"])
                                for l in convs) if r is not None]
    best_total = sum(hwce_best(l)[0] for l in convs if hwce_best(l)[0] is not None)
    opt_total = sum(l["traffic_bytes"] for l in convs if hwce_best(l)[0] is not None)
    out["total"] = ratio(best_total, opt_total)
    out["psum_share"] = [s for s in (psum_share(l, "hwce_v4") for l in convs) if s is not None]
    storage = [(l["working_set_capacity_bytes"] / l["least_buffer_bytes"], l["name"])
               for l in convs]
    out["storage"] = storage
    out["ws_max_bytes"] = max(l["working_set_capacity_bytes"] for l in convs)
    out["pa_max_bytes"] = max(l["least_buffer_bytes"] for l in convs)
    return out


def max_median(values):
    if not values:
        return "—", "—"
    return fmt_ratio(max(values)), fmt_ratio(statistics.median(values))


def layer_table(doc):
    rows = ["| layer | kind | C→M, kernel/stride | optimum B | HWCE best / opt (V) | V=1 | V=2 | V=4 "
            "| per-array B | working-set B | WS / per-array |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for l in doc["layers"]:
        opt = l["traffic_bytes"]
        t, v = hwce_best(l)
        best = "—" if t is None else f"{fmt_ratio(t / opt)} ({v})"
        each = [fmt_ratio(ratio(traffic(l["baselines"][k]), opt)) for k in HWCE]
        shape = f"{l['C']}→{l['M']}, {l['R']}x{l['S']}/{l['stride'][0]}"
        ws = l["working_set_capacity_bytes"]
        rows.append(f"| {l['name']} | {l['kind']} | {shape} | {opt:,} | {best} | "
                    + " | ".join(each)
                    + f" | {l['least_buffer_bytes']:,} | {fmt_bytes(ws)} | "
                    f"{fmt_ratio(ratio(ws, l['least_buffer_bytes']))} |")
    return "\n".join(rows)


def write_doc(path, results, sensitivity, version, seconds, threads):
    s = {key: summarize(doc) for key, doc in results.items()}
    all_best = [(r, name, v, net, cap) for (net, cap), x in s.items() for (r, name, v) in x["best"]]
    top = max(all_best)
    at4 = [max(s[(net, "4KiB")]["best"]) for net, _ in NETWORKS]
    storage_all = [(r, name, net, cap) for (net, cap), x in s.items() for (r, name) in x["storage"]]
    storage_top = max(storage_all)
    storage_median = statistics.median(r for r, *_ in storage_all)
    above_1pct = sum(1 for r, *_ in storage_all if r > 1.01)
    above_10pct = sum(1 for r, *_ in storage_all if r > 1.10)
    shares = [p for x in s.values() for p in x["psum_share"]]
    net_names = dict(NETWORKS)
    smallest = []  # per network: the conv layer of least best-HWCE ratio over the capacities
    for net, label in NETWORKS:
        pick = None
        for cap in CAPACITIES:
            for l in results[(net, cap)]["layers"]:
                t = hwce_best(l)[0]
                if l["kind"] == "conv" and l["fits"] and t is not None:
                    r = t / l["traffic_bytes"]
                    if pick is None or r < pick[2]:
                        pick = (label, cap, r, l)
        smallest.append(pick)
    uniform = sum(1 for doc in results.values() for l in doc["layers"]
                  if l["kind"] == "conv" and l["fits"]
                  and len(set(l["least_buffer_spans"].values())) == 1)
    storage_top3 = sorted(storage_all, reverse=True)[:3]

    lines = []
    add = lines.append
    add("# Reproducing the paper's two claims")
    add("")
    add("<!-- Generated by scripts/paper_reproduction.py; do not edit by hand. -->")
    add("")
    add("Stoutchinin, Conti and Benini (*Optimally Scheduling CNN Convolutions for Efficient "
        "Memory Access*, 2019) claim (1) that application-managed per-array buffers need less "
        "storage than working-set (cache-derived) models assume, and (2) that an engine running "
        "the optimal schedules moves *up to 14x* fewer bytes than the fixed-schedule HWCE with a "
        "similar memory interface. This page puts spad's numbers next to both claims.")
    add("")
    add("## How these numbers were made")
    add("")
    add("Regenerate this page from the repository root, after building the release preset "
        "(`cmake --preset release && cmake --build build/release`), with")
    add("")
    add("```")
    add(COMMAND)
    add("```")
    add("")
    add("which runs, for each network NET in `resnet50 vgg16 alexnet` and each capacity CAP in "
        "`4KiB 16KiB 64KiB`,")
    add("")
    add("```")
    add("build/release/spad " + " ".join(compare_args("NET", "CAP", PRECISION, threads)))
    add("build/release/spad " + " ".join(min_buffer_args("NET", "CAP", PRECISION, threads)))
    add("```")
    add("")
    add(f"({version}; these {len(results)} runs and the {len(sensitivity)} of the psum=4 check "
        f"took about {seconds:.0f} s in total on this machine, "
        "the working-set capacity searches included; the output is the same for any "
        "`--threads`.)")
    add("")
    add("- **16-bit data everywhere, partial sums included** (`psum=2`): the decision is that "
        "partial sums travel at the data width, as in a 16-bit fixed-point engine that streams "
        "its partial-sum planes through memory; the optimum gets the same element sizes. This "
        "choice is kind to the HWCE-like engine, which moves far more partial sums than the "
        "optimum: with 32-bit partial sums the ratios grow (see "
        "[the psum=4 check](#partial-sums-at-32-bit)).")
    add("- **Halo reuse on for every schedule** (`--halo-reuse`): the HWCE-like baselines always "
        "run with their line buffer (`hwce_machine`), and the optimum gets the same hardware so "
        "the ratio compares schedules, not machines.")
    add("- **HWCE-like engine** as in [dataflows.md](dataflows.md): one input channel at a time, "
        "32-pixel stripes, V = 1, 2 or 4 output maps per pass, partial-sum planes read and written "
        "once per input channel. \"Best\" is the least traffic of the variants that fit.")
    add("- **Storage for the same traffic.** *Per-array* is the buffer bytes of "
        "`optimize --min-buffer`: among the schedules that reach the optimum's traffic at the "
        "given capacity, the fewest buffer bytes (exact: `min_buffer_schedule`, tested against "
        "brute force), and none reaches that traffic below the capacity with fewer, so this is "
        "exactly the smallest scratchpad per-array buffers need for that traffic. (The optimum "
        "itself breaks traffic ties by fewer DMA fills, DESIGN.md, so its buffers can be "
        "larger.) "
        "*Working-set* is `working_set_capacity_bytes`: the smallest capacity at which the "
        "search restricted to one loop level for all three buffers reaches the same traffic "
        "(exact; `smallest_capacity_for_traffic`).")
    add("- Maxima and medians are over the **conv layers** in graph order (a repeated shape "
        "counts each time). Fully-connected layers are listed in the per-layer tables but left "
        "out of the statistics: the HWCE is a convolution engine, and on an fc layer spad's "
        "mapping keeps the partial sums on chip (dataflows.md), so it says little about the "
        "engine.")
    add("")
    add("## Claim 2: HWCE-like traffic / optimum traffic")
    add("")
    add("Per network and capacity, over the conv layers: the best HWCE-like variant's traffic / "
        "the optimum's, its maximum (with the layer and V) and median; \"conv total\": the sum of "
        "the best variant's traffic over the conv layers / the optimum's sum; then the same "
        "maximum / median for each V.")
    add("")
    add("| network | capacity | conv layers | best V: max (layer) | best V: median | conv total "
        "| V=1 max / median | V=2 max / median | V=4 max / median |")
    add("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for net, label in NETWORKS:
        for cap in CAPACITIES:
            x = s[(net, cap)]
            r, name, v = max(x["best"])
            med = statistics.median(b[0] for b in x["best"])
            each = [" / ".join(max_median(x[k])) for k in HWCE]
            add(f"| {label} | {cap} | {x['layers']} | {fmt_ratio(r)} ({name}, V={v}) | "
                f"{fmt_ratio(med)} | {fmt_ratio(x['total'])} | " + " | ".join(each) + " |")
    add("")
    add("### Where this agrees with \"up to 14x\" and where it does not")
    add("")
    near = [(net, r, name) for (net, _), (r, name, _) in zip(NETWORKS, at4) if r < 2 * 14]
    far = [(net, r, name) for (net, _), (r, name, _) in zip(NETWORKS, at4) if r >= 2 * 14]
    if near:
        add("- **At 4 KiB the maxima of "
            + " and ".join(net_names[net] for net, _, _ in near)
            + " are close to the paper's figure**: "
            + ", ".join(f"{fmt_ratio(r)} ({net_names[net]}, {name})" for net, r, name in near)
            + ". At a small scratchpad spad reproduces the claim's order of magnitude on "
            "these networks.")
    if far:
        add("- **Deeper networks exceed it even at 4 KiB**: "
            + ", ".join(f"{net_names[net]} reaches {fmt_ratio(r)} ({name})"
                        for net, r, name in far)
            + "; its deep layers have many more input channels (see below).")
    add(f"- **At larger capacities spad's ratios are far above 14x**: up to {fmt_ratio(top[0])} "
        f"({net_names[top[3]]}, {top[1]}, {top[4]}). The HWCE-like schedule is fixed, so its "
        "traffic does not fall when the scratchpad grows, while the optimum uses the extra "
        "storage; the ratio therefore grows with the capacity. A claim of \"up to 14x\" "
        "for one engine at one buffer size is not contradicted by this, but spad does not "
        "reproduce 14x as a maximum over these capacities.")
    add(f"- **Why the HWCE-like engine loses so much**: its partial-sum planes go to memory and "
        f"back once per input channel, about 2·C/G·|O| partial sums per layer. That stream is "
        f"{statistics.median(shares) * 100:.0f}% of the V=4 engine's traffic on the median conv "
        f"layer (from {min(shares) * 100:.0f}% to {max(shares) * 100:.0f}%), so the ratio "
        "grows with the number of input channels C. The smallest ratio of each network is on "
        + ", ".join(f"{label}'s {l['name']} (C = {l['C']}, {fmt_ratio(r)} at {cap})"
                    for label, cap, r, l in smallest)
        + "; the largest are on layers with hundreds of input channels.")
    add("- **Assumptions of the mapping that move the ratio** (dataflows.md, \"Where spad's "
        "space cannot express the HWCE exactly\"): spad's HWCE-like buffers are a whole "
        "R x stripe input tile and a V x stripe partial-sum row (the silicon's line buffer is "
        "smaller, which affects only feasibility, not traffic); strided layers (conv1 of "
        "ResNet-50 and AlexNet, the ResNet downsampling layers) are extrapolated with 32-column "
        "stripes and strided DMA, while the real HWCE runs stride-1 convolutions only; "
        "weights are loaded once per (output map, input channel) pair as in the issue's "
        "description. The paper's own HWC/HWCE measurement setup (buffer sizes, layers "
        "measured, how the HWCE's partial sums were counted) is not restated here; only its "
        "abstract's \"up to 14x\" is compared.")
    add("")
    add("## Claim 1: storage the working-set model needs for the optimum's traffic")
    add("")
    add("Ratio = working-set capacity / per-array buffer bytes, both for the optimum's traffic "
        "at the given capacity.")
    add("")
    add("| network | capacity | max (layer) | median | layers above 1.01x | largest per-array B "
        "| largest working-set B |")
    add("|---|---|---:|---:|---:|---:|---:|")
    for net, label in NETWORKS:
        for cap in CAPACITIES:
            x = s[(net, cap)]
            r, name = max(x["storage"])
            med = statistics.median(t for t, _ in x["storage"])
            above = sum(1 for t, _ in x["storage"] if t > 1.01)
            add(f"| {label} | {cap} | {fmt_ratio(r)} ({name}) | {fmt_ratio(med)} | "
                f"{above} of {len(x['storage'])} | {x['pa_max_bytes']:,} | "
                f"{x['ws_max_bytes']:,} |")
    add("")
    add(f"- **The direction agrees with the paper**: the working-set model never needs less "
        f"storage (it is a subset of the per-array space), and needs up to "
        f"{fmt_ratio(storage_top[0])} as much ({net_names[storage_top[2]]}, {storage_top[1]}, "
        f"{storage_top[3]}).")
    add(f"- **The typical gap is small**: the median over all conv layers and capacities is "
        f"{fmt_ratio(storage_median)}; {above_1pct} of {len(storage_all)} layer-capacity "
        f"pairs need more than 1% extra storage, {above_10pct} more than 10%. Yet "
        f"{'none' if uniform == 0 else uniform} of the {len(storage_all)} least-storage "
        f"schedules {'has' if uniform <= 1 else 'have'} the three buffers at one loop level: a "
        "uniform-level schedule with other tiles "
        "and another order usually reaches the same traffic with a little more storage. The "
        "largest gaps: "
        + "; ".join(f"{name} ({net_names[net]}, {cap}) {fmt_ratio(r)}"
                    for r, name, net, cap in storage_top3)
        + ". This measures spad's exact working-set *space*; published working-set *models* "
        "also approximate the footprint, which this comparison does not include, so the paper's "
        "storage gap can be larger than spad's.")
    add("")
    add("## Partial sums at 32 bit")
    add("")
    add(f"The same runs at {SENSITIVITY_CAPACITY} with `--precision {SENSITIVITY_PRECISION}`:")
    add("")
    add("| network | best V: max (layer) | best V: median |")
    add("|---|---:|---:|")
    for net, label in NETWORKS:
        x = summarize(sensitivity[net])
        r, name, v = max(x["best"])
        add(f"| {label} | {fmt_ratio(r)} ({name}) | "
            f"{fmt_ratio(statistics.median(b[0] for b in x['best']))} |")
    add("")
    add("## Per-layer tables")
    add("")
    add("Optimum B: the optimum's traffic in bytes. HWCE columns: the variant's traffic / the "
        "optimum's (— where it does not fit), best with its V. Per-array B and working-set B: "
        "the storage each space needs for the optimum's traffic.")
    for net, label in NETWORKS:
        for cap in CAPACITIES:
            add("")
            add(f"### {label}, {cap}")
            add("")
            add(layer_table(results[(net, cap)]))
    add("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spad", default=os.path.join("build", "release", "spad"))
    parser.add_argument("--out", default=os.path.join("docs", "paper-reproduction.md"))
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    spad = os.path.join(REPO, args.spad) if not os.path.isabs(args.spad) else args.spad
    if not os.path.exists(spad):
        sys.exit(f"paper_reproduction: {spad} not found; build it first "
                 "(cmake --preset release && cmake --build build/release)")
    version = subprocess.run([spad, "--version"], capture_output=True, text=True).stdout.strip()
    results, total = {}, 0.0
    for net, _ in NETWORKS:
        for cap in CAPACITIES:
            results[(net, cap)], seconds = run_compare(spad, net, cap, PRECISION, args.threads)
            total += seconds
            print(f"{net} {cap}: {seconds:.1f} s", file=sys.stderr)
    sensitivity = {}
    for net, _ in NETWORKS:
        sensitivity[net], seconds = run_compare(spad, net, SENSITIVITY_CAPACITY,
                                                SENSITIVITY_PRECISION, args.threads)
        total += seconds
    out = os.path.join(REPO, args.out) if not os.path.isabs(args.out) else args.out
    write_doc(out, results, sensitivity, version, total, args.threads)
    print(f"wrote {out} ({total:.1f} s of spad)", file=sys.stderr)


if __name__ == "__main__":
    main()
