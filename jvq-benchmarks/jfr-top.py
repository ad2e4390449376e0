#!/usr/bin/env python3
"""Top methods (and top lines) of the CPU samples in a JFR recording, e.g. one made by JMH's
-prof jfr. JFR samples are taken without waiting for a safepoint (JMH turns on DebugNonSafepoints),
so they attribute time better than -prof stack.

usage: jfr-top.py profile.jfr [how many rows, default 15]
"""
import collections
import re
import subprocess
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = int(argv[2]) if len(argv) > 2 else 15
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", argv[1]],
                         check=True, capture_output=True, text=True).stdout
    methods = collections.Counter()
    lines = collections.Counter()
    total = 0
    for match in re.finditer(r"stackTrace = \[\s*\n\s*(.+?)\n", out):
        frame = match.group(1).strip()
        if frame in ("...", "]"):
            continue
        total += 1
        method = re.sub(r"\(.*", "", frame)
        line = re.search(r"line: (\d+)", frame)
        methods[method] += 1
        lines[method + (":" + line.group(1) if line else "")] += 1
    print(f"{total} samples\n\n| share | top frame (method) |\n|---:|---|")
    for method, n in methods.most_common(rows):
        print(f"| {100.0 * n / total:.1f}% | `{method}` |")
    print("\n| share | top frame (line) |\n|---:|---|")
    for line, n in lines.most_common(rows):
        print(f"| {100.0 * n / total:.1f}% | `{line}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
