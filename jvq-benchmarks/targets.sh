#!/usr/bin/env bash
# Every figure of BENCHMARKS.md's targets table, one harness after another, in one window (about
# 30 minutes on two vCPUs). Run it on a quiet machine: nothing else building or testing. Each
# harness's report goes to OUT/<harness>.txt, with the load average before and after it.
#
#   jvq-benchmarks/targets.sh [OUT]          # OUT defaults to jvq-benchmarks/target/targets
#
# JVQ_TARGETS picks harnesses, in order (default: paired latency libdeflate stream kafka-path bridge).
# JVQ_JDK22 names a Java 22+ home for the libdeflate rows (default: Temurin 25 where installed);
# without one they are skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-jvq-benchmarks/target/targets}
mkdir -p "$out"
out=$(cd "$out" && pwd)
jdk22=${JVQ_JDK22:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x "$jdk22/bin/java" ]] || jdk22=
bench=jvq-benchmarks/target/benchmarks.jar
cli=jvq-cli/target/jvq.jar

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
# report NAME COMMAND...: runs the command, its stdout and stderr appended to OUT/NAME.txt
report() {
    local name=$1; shift
    echo "== $name: $* (load $(load))" | tee -a "$out/$name.txt"
    "$@" >>"$out/$name.txt" 2>&1
    echo "== $name done (load $(load))" | tee -a "$out/$name.txt"
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_for FILE TEXT: until FILE holds TEXT, 60 s at most
wait_for() {
    for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "targets: '$2' never appeared in $1" >&2
    return 1
}

# Decode ÷ inflate and parse per CPU-s, the JDK's inflater (interleaved: both sides see the same load)
paired() {
    report paired java -Xms1g -Xmx1g -cp "$bench" io.jvq.bench.PairedRatio rounds=20 warmup=5 sliceMillis=100 source=SIMULATOR
}

# Frame → listener at 100k trades/s from a prompt bare server and from the testkit's fake, both transports, three rounds
latency() {
    for _ in 1 2 3; do
        for transport in VERTX TYRUS; do
            for server in BARE INPROCESS; do
                report latency java -Xms1g -Xmx1g -cp "$bench" io.jvq.bench.EndToEndLatency \
                    transport=$transport server=$server warmup=15 seconds=15
            done
        done
    done
    # the flyweight path: no event object per trade, so fewer collections
    for transport in VERTX TYRUS; do
        report latency java -Xms1g -Xmx1g -cp "$bench" io.jvq.bench.EndToEndLatency \
            transport=$transport server=BARE path=FLYWEIGHT warmup=15 seconds=15
    done
}

# Inflating with libdeflate against the JDK's Inflater, and whole-frame decode with each
libdeflate() {
    if [[ -z "$jdk22" ]]; then
        echo "== libdeflate: no Java 22+ (JVQ_JDK22), skipped" | tee -a "$out/libdeflate.txt"
        return 0
    fi
    report libdeflate "$jdk22/bin/java" --enable-native-access=ALL-UNNAMED \
        -cp jvq-inflate-libdeflate/target/classes:jvq-inflate-libdeflate/target/test-classes:jvq-core/target/classes:jvq-sim/target/classes \
        io.jvq.inflate.libdeflate.InflateThroughput rounds=7 seconds=1
}

# jvq stream --format json fed at 1,000,000 trades/s by jvq serve in another process, both transports:
# a capture of 1,330,000 level-2 trades of 100 codes from the simulator, replayed at the rate in a loop;
# the time is from the server's "replaying" line to the client's exit after its 8,000,000th line
stream() {
    local work codes port server start end printed
    work=$(mktemp -d)
    codes=$(for i in $(seq 0 99); do printf 'lv2_6%05d ' "$i"; done)
    export JVQ_TOKEN=test-token   # the fake's token; from the environment, never printed
    port=$(free_port)
    java -jar "$cli" serve --port "$port" --interval 10 --trades-per-tick 100 --duration 60 >"$work/sim.log" 2>&1 &
    server=$!; pids+=("$server")
    wait_for "$work/sim.log" "websocket:"
    # shellcheck disable=SC2086 # the codes are separate arguments
    java -jar "$cli" record --discovery-url "http://127.0.0.1:$port/server" --out "$work/day.jsonl" --limit 1330000 \
        --duration 60 $codes >/dev/null 2>"$work/record.log"
    kill "$server"; wait "$server" 2>/dev/null || true
    for transport in vertx tyrus; do
        port=$(free_port)
        java -jar "$cli" serve --port "$port" --fixture "$work/day.jsonl" --rate 1000000 --loop --duration 40 \
            >"$work/serve.log" 2>&1 &
        server=$!; pids+=("$server")
        wait_for "$work/serve.log" "websocket:"
        rm -f "$work/replaying"
        (until grep -q "replaying" "$work/serve.log" 2>/dev/null; do sleep 0.01; done; date +%s.%N >"$work/replaying") &
        # shellcheck disable=SC2086
        printed=$(java -jar "$cli" stream --discovery-url "http://127.0.0.1:$port/server" --transport $transport \
            --format json --limit 8000000 --duration 30 $codes 2>"$work/stream.log" | wc -l)
        end=$(date +%s.%N)
        start=$(cat "$work/replaying")
        kill "$server"; wait "$server" 2>/dev/null || true
        {
            echo "== stream $transport: $printed lines printed, the last $(echo "$end - $start" | bc) s after the replay began" \
                "($(echo "scale=3; 8 / ($end - $start)" | bc) M trades/s; load $(load))"
            tail -n 1 "$work/stream.log"
            grep "trades in" "$work/serve.log" | tail -n 1 || true
        } | tee -a "$out/stream.txt"
    done
    rm -rf "$work"
}

# The Kafka path: the bridge's CPU per million trades with an in-process broker, paced at 400,000/s and unpaced
kafka_path() {
    for rate in 400000 0; do
        report kafka-path ./mvnw -B -ntp -q -pl jvq-kafka -am verify -Dtest=KafkaPathBenchmark \
            -Dsurefire.failIfNoSpecifiedTests=false -Djvq.bench=true -Djvq.bench.rate=$rate
    done
}

# jvq bridge fed at 400,000 trades/s by jvq serve, into a broker in its own JVM (bridge-feed.sh says more)
bridge() {
    report bridge jvq-benchmarks/bridge-feed.sh --runs 3 --seconds 35 --rate 400000
}

echo "targets: building (load $(load))"
./mvnw -B -ntp -q -pl jvq-benchmarks,jvq-cli -am package -DskipTests
if [[ -n "$jdk22" ]]; then
    ./mvnw -B -ntp -q -pl jvq-inflate-libdeflate -am package -DskipTests -Djvq.jdk22="$jdk22"
fi
for harness in ${JVQ_TARGETS:-paired latency libdeflate stream kafka-path bridge}; do
    "${harness//-/_}"
done
echo "targets: reports in $out"
