#!/usr/bin/env bash
# Smoke mode for CI: every benchmark, every parameter, one 100 ms iteration in this JVM, no
# warm-up. It proves each benchmark still sets up (each checks its decoder against the corpus),
# runs and tears down; the numbers it prints mean nothing. Exits non-zero if any benchmark fails.
# Extra arguments go to JMH, e.g. a benchmark regex: ./smoke.sh DecodeBenchmark
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
    echo "smoke: $jar is missing; build it with ./mvnw -B -pl jvq-benchmarks -am package -DskipTests" >&2
    exit 2
fi
exec java -Xmx1g -Djmh.ignoreLock=true -jar "$jar" -f 0 -wi 0 -i 1 -r 100ms -foe true "$@"
