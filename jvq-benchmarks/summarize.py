#!/usr/bin/env python3
"""Summarizes a JMH JSON result file (-rf json) of the jvq benchmarks as Markdown.

Per benchmark and parameters: frames/s, inflated MB/s, records/s (trades or snapshots) and the
allocation per frame and per record (from -prof gc). Figures are the MEDIAN of the measurement
iterations, with the BEST iteration beside it: on a shared machine other people's builds steal
whole iterations, and the median and best resist that better than the mean.
Then the ratios the decode targets (BENCHMARKS.md) are stated in, computed within this one run.

usage: summarize.py result.json [more.json ...]
"""
import json
import statistics
import sys

SIZES = ["1024", "16384", "65536"]
MIXES = ["LV2", "LV1"]


def load(paths):
    rows = {}
    for path in paths:
        with open(path) as f:
            for entry in json.load(f):
                cls, method = entry["benchmark"].split(".")[-2:]
                p = entry["params"]
                key = (cls, method, p.get("mix"), p.get("frameBytes"))
                rows[key] = entry
    return rows


def iterations(metric):
    return [x for fork in metric["rawData"] for x in fork] if metric.get("rawData") else [metric["score"]]


def med(metric):
    return statistics.median(iterations(metric))


def best(metric):
    return max(iterations(metric))


def per_cpu(rate_metric, util_metric):
    """Median over iterations of rate / cpu.util: the rate per CPU second (CpuTimeProfiler)."""
    if util_metric is None:
        return None
    rates, utils = iterations(rate_metric), iterations(util_metric)
    if len(rates) != len(utils):
        return None
    return statistics.median(r / u for r, u in zip(rates, utils) if u > 0)


def fmt(x, digits=1):
    return f"{x:,.{digits}f}"


def table(rows):
    out = ["| benchmark | mix | frame | frames/s | MB/s inflated (median / best) | MB per CPU-s | M records/s (median / best) | M records per CPU-s | CPU util | B/frame | B/record |",
           "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (cls, method, mix, size), e in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1], MIXES.index(kv[0][2]) if kv[0][2] in MIXES else 9, int(kv[0][3] or 0))):
        sec = e["secondaryMetrics"]
        frames = med(e["primaryMetric"])
        mb = (med(sec["bytes"]) / 1e6, best(sec["bytes"]) / 1e6) if "bytes" in sec else None
        ev = (med(sec["events"]) / 1e6, best(sec["events"]) / 1e6) if "events" in sec else None
        norm = sec.get("gc.alloc.rate.norm")
        bop = med(norm) if norm else None
        per_event = bop / (med(sec["events"]) / frames) if bop is not None and ev and ev[0] > 0 else None
        util = sec.get("cpu.util")
        mb_cpu = per_cpu(sec["bytes"], util) if mb else None
        ev_cpu = per_cpu(sec["events"], util) if ev else None
        out.append("| {}.{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            cls, method, mix, size, fmt(frames, 0),
            f"{fmt(mb[0])} / {fmt(mb[1])}" if mb else "",
            fmt(mb_cpu / 1e6) if mb_cpu else "",
            f"{fmt(ev[0], 2)} / {fmt(ev[1], 2)}" if ev else "",
            fmt(ev_cpu / 1e6, 2) if ev_cpu else "",
            fmt(med(util), 2) if util else "",
            fmt(bop, 1) if bop is not None else "",
            fmt(per_event, 2) if per_event is not None else ""))
    return "\n".join(out)


def metric(rows, cls, method, mix, size, name, pick):
    e = rows.get((cls, method, mix, size))
    if e is None or name not in e["secondaryMetrics"]:
        return None
    if pick is per_cpu:
        return per_cpu(e["secondaryMetrics"][name], e["secondaryMetrics"].get("cpu.util"))
    return pick(e["secondaryMetrics"][name])





def verdict(value, target):
    if value is None:
        return ""
    return "met" if value >= target else f"missed by {fmt((target - value) / target * 100, 0)}%"


def row(label, wall, cpu, target, unit=""):
    if wall is None and cpu is None:
        return None
    show = lambda v: "" if v is None else f"{v:.2f}"
    return f"| {label} | {show(wall)} | {show(cpu)} | >= {target}{unit} | {verdict(cpu if cpu is not None else wall, target)} |"


def quotient(a, b):
    return None if a is None or b is None or b == 0 else a / b


def ratios(rows):
    """The decode targets of BENCHMARKS.md, for jvq's paths only; the verdict follows the per-CPU-second figure."""
    lines = ["| target | wall (medians) | per CPU-s (medians) | target | verdict |", "|---|---:|---:|---:|---|"]
    jvq = ("jvqFlyweight", "jvqRecords")

    def m(cls, method, mix, size, name, pick):
        return metric(rows, cls, method, mix, size, name, pick)

    for method in jvq:
        for mix, target in (("LV2", 0.8), ("LV1", 0.6)):
            for size in SIZES:
                pair = [quotient(m("DecodeBenchmark", method, mix, size, "bytes", pick),
                                 m("DecodeBenchmark", "inflateOnly", mix, size, "bytes", pick)) for pick in (med, per_cpu)]
                line = row(f"decode {method} / inflateOnly, {mix} {size} B", pair[0], pair[1], target)
                if line:
                    lines.append(line)
    for cls in ("DecodeBenchmark", "ParseBenchmark"):
        for method in jvq:
            for mix in MIXES:
                for size in ("1024", "16384"):
                    pair = [quotient(m(cls, method, mix, size, "bytes", pick),
                                     m(cls, method, mix, "65536", "bytes", pick)) for pick in (med, per_cpu)]
                    line = row(f"{cls.replace('Benchmark', '').lower()} {method} {mix}: per byte, {size} B / 65536 B",
                               pair[0], pair[1], 0.8)
                    if line:
                        lines.append(line)
    for method in jvq:
        for mix, target in (("LV2", 30.0), ("LV1", 3.0)):
            for size in SIZES:
                pair = [m("ParseBenchmark", method, mix, size, "events", pick) for pick in (med, per_cpu)]
                pair = [None if v is None else v / 1e6 for v in pair]
                line = row(f"parse-only {method} {mix} {size} B: M records/s", pair[0], pair[1], target, " M")
                if line:
                    lines.append(line)
    return "\n".join(lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = load(argv[1:])
    print(table(rows))
    print()
    print(ratios(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
