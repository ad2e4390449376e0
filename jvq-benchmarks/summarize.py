#!/usr/bin/env python3
"""Summarizes a JMH JSON result file (-rf json) of the jvq benchmarks as Markdown.

Per benchmark and parameters: frames/s, inflated MB/s, records/s (trades or snapshots) and the
allocation per frame and per record (from -prof gc). Figures are the MEDIAN of the measurement
iterations, with the BEST iteration beside it: on a shared machine other people's builds steal
whole iterations, and the median and best resist that better than the mean.
Then the ratios the targets of issue 6 are stated in, computed within this one run.

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


PICKS = ((med, " wall median"), (best, " wall best"), (per_cpu, " per CPU-s"))


def ratio_line(label, num, den, target):
    if num is None or den is None or den == 0:
        return None
    r = num / den
    verdict = "met" if r >= target else f"MISSED by {fmt((target - r) / target * 100, 0)}%"
    return f"| {label} | {r:.2f} | >= {target} | {verdict} |"


def ratios(rows):
    lines = ["| ratio | value | target | |", "|---|---:|---:|---|"]
    decoders = sorted({m for (c, m, _, _) in rows if c == "DecodeBenchmark" and m not in ("inflateOnly", "vendorDemo")})
    for method in decoders + ["vendorDemo"]:
        for mix, target in (("LV2", 0.8), ("LV1", 0.6)):
            for size in SIZES:
                for pick, tag in PICKS:
                    line = ratio_line(f"DecodeBenchmark.{method} / inflateOnly, {mix} {size} B{tag}",
                                      metric(rows, "DecodeBenchmark", method, mix, size, "bytes", pick),
                                      metric(rows, "DecodeBenchmark", "inflateOnly", mix, size, "bytes", pick), target)
                    if line:
                        lines.append(line)
    for cls in ("DecodeBenchmark", "ParseBenchmark"):
        methods = sorted({m for (c, m, _, _) in rows if c == cls and m != "inflateOnly"})
        for method in methods:
            for mix in MIXES:
                for size in ("1024", "16384"):
                    for pick, tag in PICKS:
                        line = ratio_line(f"{cls}.{method} {mix}: per byte, {size} B / 65536 B frames{tag}",
                                          metric(rows, cls, method, mix, size, "bytes", pick),
                                          metric(rows, cls, method, mix, "65536", "bytes", pick), 0.8)
                        if line:
                            lines.append(line)
    for method in sorted({m for (c, m, _, _) in rows if c == "ParseBenchmark"}):
        for mix, target in (("LV2", 30.0), ("LV1", 3.0)):
            for size in SIZES:
                for pick, tag in PICKS:
                    ev = metric(rows, "ParseBenchmark", method, mix, size, "events", pick)
                    if ev is not None:
                        r = ev / 1e6
                        verdict = "met" if r >= target else f"MISSED by {fmt((target - r) / target * 100, 0)}%"
                        lines.append(f"| ParseBenchmark.{method} {mix} {size} B: M records/s{tag} | {r:.2f} | >= {target} | {verdict} |")
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
