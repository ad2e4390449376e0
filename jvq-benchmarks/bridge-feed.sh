#!/usr/bin/env bash
# jvq bridge fed from another process, into a real Kafka broker in a JVM of its own.
#
#   jvq-benchmarks/bridge-feed.sh [--runs N] [--seconds S] [--rate TRADES_PER_S] [--fixture FILE] [--no-build] [--keep]
#
# Four kinds of process, all on 127.0.0.1 with ports the system picks:
#   - a broker: Kafka's own test kit (one KRaft node) through jvq-kafka's test class KafkaBrokerMain, one
#     JVM for all runs; it prints its bootstrap address and answers "topic"/"offsets" on its stdin;
#   - a fixture, once: `jvq record` of 1,330,000 level-2 trades of 100 codes (lv2_600000 … lv2_600099)
#     from `jvq serve --interval 10 --trades-per-tick 100`, as for the CLI row of BENCHMARKS.md
#     (--fixture FILE keeps it in FILE, or reuses FILE when it exists);
#   - per run, the feed: `jvq serve --fixture … --rate R --loop`, stopped S seconds after its replay began;
#   - per run, the bridge: `jvq bridge --kafka … --topics-prefix runN.` on the same 100 codes, stopped
#     (SIGTERM: it publishes what it received, then prints its summary) once the count in Kafka has
#     stopped moving after the feed stopped.
# One line per run on stdout:
#   - sent: the trades the server's replay handed to its connection (its "replay stopped" line). The fake
#     does not slow down for a slow reader: what the bridge has not read yet waits in the server's memory and
#     is dropped when the server stops, so sent - in Kafka is the backlog the bridge had not read, not a loss;
#   - received: the bridge client's quote events (its "summary:" line); published, dropped, failed: its
#     "kafka: N published, N dropped, N failed";
#   - in Kafka: the sum of the end offsets of runN.lv2; it must equal published, with nothing dropped or
#     failed (else the run is marked FAILED and the script exits 1);
#   - kept: in Kafka ÷ the replay's wall time (the server's, first frame to stop), and as a share of R; and
#     the rate into Kafka from 10 s into the replay (S/3 for a replay under 30 s) to its end, once the
#     bridge's JVM has warmed up (the bridge's capacity when it had a backlog; R when it kept up);
#   - the bridge process's CPU-seconds (utime + stime, /usr/bin/time) per million trades in Kafka, for the
#     whole process and from the replay's start (/proc/PID/stat: without the JVM's start-up and connecting);
#   - the CPU-seconds of the server (its whole process, to its stop) and of the broker (during the run);
#   - how long after the server had exited the count in Kafka last moved (0.0: it had stopped moving by
#     the first look), and the 1-minute load average before and after the run.
# The build (the CLI's jar, jvq-kafka's test classes and their classpath) runs first unless --no-build.
# BRIDGE_JAVA_OPTS, SERVE_JAVA_OPTS, BROKER_JAVA_OPTS: JVM options for each (unquoted, split on blanks).
# BRIDGE_JAR: another build's jvq.jar for the bridge alone (a before/after on the same feed and broker).
set -euo pipefail

runs=3
seconds=35
rate=400000
fixture=
build=1
keep=0
while (($#)); do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --fixture) fixture=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bridge-feed: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
for n in "$runs" "$seconds" "$rate"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bridge-feed: '$n' is not a positive whole number" >&2; exit 2; }
done
if [[ -n $fixture ]]; then
    fixture=$(cd "$(dirname "$fixture")" && pwd)/$(basename "$fixture")
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=$root/jvq-cli/target/jvq.jar
bridge_jar=${BRIDGE_JAR:-$jar}
kafka_cp_file=$root/jvq-kafka/target/test-classpath.txt
# the fake server's token: given to serve and to the clients as an option, never printed
token=test-token
codes=()
for i in $(seq 0 99); do
    codes+=("$(printf 'lv2_6%05d' "$i")")
done

log() { echo "bridge-feed: $*" >&2; }
die() { log "$*"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bridge-feed.XXXXXX")
broker_pid=
time_pid=
run=0
cleanup() {
    local status=$? pid waited
    trap - EXIT INT TERM
    # the bridge's JVM is the child of /usr/bin/time, which does not pass a signal on: stop the JVM and let
    # time reap it (time itself only if the JVM's pid is not known yet)
    if [[ -n $time_pid ]] && kill -0 "$time_pid" 2>/dev/null; then
        pid=$(cat "$tmp/bridge$run.pid" 2>/dev/null) || pid=
        if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true; else kill -TERM "$time_pid" 2>/dev/null || true; fi
    fi
    for pid in $(jobs -rp); do
        [[ $pid == "$broker_pid" || $pid == "$time_pid" ]] || kill -TERM "$pid" 2>/dev/null || true
    done
    # the broker stops when its stdin closes
    exec 7>&- 8<&-
    for waited in $(seq 1 40); do
        [[ -n $(jobs -rp) ]] || break
        if ((waited == 30)) && [[ -n $broker_pid ]]; then kill -TERM "$broker_pid" 2>/dev/null || true; fi
        sleep 0.5
    done
    for pid in $(jobs -rp); do
        kill -KILL "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if ((keep)); then log "kept $tmp"; else rm -rf "$tmp"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts "$@" in the background without the broker's pipes (fds 7 and 8); its pid in $spawned.
spawn() {
    local out=$1 err=$2
    shift 2
    "$@" >"$out" 2>"$err" 7>&- 8<&- &
    spawned=$!
}

# Waits up to $2 seconds for a line of file $1 matching the extended regex $3; prints the first.
await_line() {
    local file=$1 timeout=$2 pattern=$3 i
    for ((i = 0; i < timeout * 10; i++)); do
        if grep -m1 -E "$pattern" "$file" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

# One command to the broker, its one-line answer in $reply.
ask() {
    printf '%s\n' "$1" >&7
    IFS= read -r -t 60 -u 8 reply || die "the broker did not answer '$1' (its log: $(tail -3 "$tmp/broker.log"))"
    [[ $reply != error* ]] || die "the broker answered '$1' with: $reply"
}

# sleep, in a way a signal's trap interrupts at once
pause() {
    sleep "$1" &
    wait $! || true
}

cpu_ticks() { # utime + stime of process $1, in clock ticks
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
load1() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }

if ((build)); then
    log "building jvq-cli's jar and jvq-kafka's test classes (tests compiled, not run; about a minute) ..."
    # -Pquick: jars without the checks; maven.test.skip=false undoes its skipping the test sources
    MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ./mvnw -B -ntp -o -q -Pquick \
        -Dmaven.test.skip=false -DskipTests -pl jvq-cli,jvq-kafka -am package dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
fi
[[ -f $jar ]] || die "$jar is missing (run without --no-build)"
[[ -f $bridge_jar ]] || die "BRIDGE_JAR $bridge_jar is missing"
[[ -f $kafka_cp_file && -f $root/jvq-kafka/target/test-classes/io/jvq/kafka/KafkaBrokerMain.class ]] \
    || die "jvq-kafka's test classes or their classpath are missing (run without --no-build)"
kafka_cp=$root/jvq-kafka/target/test-classes:$root/jvq-kafka/target/classes:$(cat "$kafka_cp_file")
command -v /usr/bin/time >/dev/null || die "/usr/bin/time is needed (GNU time) for the bridge's CPU time"

# The broker: its stdin and stdout are fifos held by this script on fds 7 and 8.
mkdir "$tmp/broker"
mkfifo "$tmp/broker.in" "$tmp/broker.out"
log "starting the Kafka broker ..."
# shellcheck disable=SC2086
java ${BROKER_JAVA_OPTS:-} -Djava.io.tmpdir="$tmp/broker" -cp "$kafka_cp" io.jvq.kafka.KafkaBrokerMain \
    <"$tmp/broker.in" >"$tmp/broker.out" 2>"$tmp/broker.log" &
broker_pid=$!
exec 7>"$tmp/broker.in" 8<"$tmp/broker.out"
IFS= read -r -t 180 -u 8 reply || die "the broker did not start (its log: $(tail -5 "$tmp/broker.log"))"
[[ $reply == bootstrap\ * ]] || die "the broker said '$reply'"
bootstrap=${reply#bootstrap }
log "broker at $bootstrap"

# The fixture
if [[ -n $fixture && -s $fixture ]]; then
    log "replaying $fixture"
else
    [[ -n $fixture ]] || fixture=$tmp/feed.jsonl
    log "recording 1,330,000 trades of 100 codes into $fixture ..."
    spawn "$tmp/sim.out" "$tmp/sim.err" java -jar "$jar" serve --token "$token" --interval 10 --trades-per-tick 100 --duration 120
    sim_pid=$spawned
    sim_port=$(await_line "$tmp/sim.out" 60 '^fake jvQuant listening on' | sed 's/.*://') || die "jvq serve did not start"
    java -jar "$jar" record --out "$fixture" --limit 1330000 --duration 60 --format json \
        --discovery-url "http://127.0.0.1:$sim_port/server" --token "$token" "${codes[@]}" >/dev/null 2>"$tmp/record.err" 7>&- 8<&- \
        || die "jvq record failed: $(tail -3 "$tmp/record.err")"
    kill -TERM "$sim_pid"
    wait "$sim_pid" || true
    log "$(grep -m1 'summary:' "$tmp/record.err" | sed 's/^jvq: //')"
fi

failed=0
for ((run = 1; run <= runs; run++)); do
    topic=run$run.lv2
    ask "topic $topic 1"
    load_before=$(load1)
    broker_ticks_before=$(cpu_ticks "$broker_pid")

    spawn "$tmp/serve$run.out" "$tmp/serve$run.err" env JAVA_OPTS="${SERVE_JAVA_OPTS:-}" \
        sh -c 'exec java ${JAVA_OPTS:-} -jar "$@"' sh "$jar" serve --token "$token" --fixture "$fixture" \
        --rate "$rate" --loop --duration $((seconds + 120))
    serve_pid=$spawned
    port=$(await_line "$tmp/serve$run.out" 60 '^fake jvQuant listening on' | sed 's/.*://') \
        || die "run $run: jvq serve did not start: $(tail -3 "$tmp/serve$run.err")"

    # the bridge under /usr/bin/time; sh writes its pid (that of the JVM it becomes) first
    spawn "$tmp/bridge$run.out" "$tmp/bridge$run.err" env JAVA_OPTS="${BRIDGE_JAVA_OPTS:-}" \
        /usr/bin/time -o "$tmp/bridge$run.time" -f '%U %S %e' sh -c 'echo $$ >"$0"; exec java ${JAVA_OPTS:-} -jar "$@"' "$tmp/bridge$run.pid" "$bridge_jar" bridge \
        --kafka "$bootstrap" --topics-prefix "run$run." --discovery-url "http://127.0.0.1:$port/server" \
        --token "$token" --duration $((seconds + 300)) "${codes[@]}"
    time_pid=$spawned
    await_line "$tmp/serve$run.err" 90 'replaying ' >/dev/null \
        || die "run $run: the replay did not start: $(tail -3 "$tmp/bridge$run.err")"
    bridge_pid=$(cat "$tmp/bridge$run.pid")
    ticks_at_start=$(cpu_ticks "$bridge_pid")

    # the rate into Kafka once the bridge's JVM has warmed up: from W s into the replay to its end
    warm=$((seconds >= 30 ? 10 : seconds / 3))
    pause "$warm"
    ask "offsets $topic"
    warm_count=${reply##* } warm_at=$(now)
    pause $((seconds - warm))
    ask "offsets $topic"
    late_count=${reply##* } late_at=$(now)
    serve_ticks=$(cpu_ticks "$serve_pid")
    kill -TERM "$serve_pid"
    wait "$serve_pid" || true
    stopped=$(now)
    # the last of its lines: "replay stopped: …" once the server has closed (frames go out until then)
    sent_line=$(grep -E 'stopping the replay: |replay (finished|stopped)' "$tmp/serve$run.err" | tail -1) \
        || die "run $run: jvq serve did not say what it sent: $(tail -3 "$tmp/serve$run.err")"
    read -r sent replay_s < <(sed -E 's/.* ([0-9]+) trades in ([0-9.]+) s.*/\1 \2/' <<<"$sent_line")

    # wait until the count in Kafka has not moved for a second (the bridge has published what it had)
    last=-1 still=0 changed=$stopped
    for ((i = 0; i < 120 && still < 2; i++)); do
        ask "offsets $topic"
        count=${reply##* }
        if ((count == last)); then still=$((still + 1)); else still=0 last=$count changed=$(now); fi
        sleep 0.5
    done
    settled=$(awk -v a="$stopped" -v b="$changed" 'BEGIN { printf "%.1f", b - a }')
    ticks_at_end=$(cpu_ticks "$bridge_pid")
    kill -TERM "$bridge_pid"
    bridge_rc=0
    wait "$time_pid" || bridge_rc=$?
    time_pid=
    load_after=$(load1)
    broker_ticks=$(( $(cpu_ticks "$broker_pid") - broker_ticks_before ))

    kafka_line=$(grep -m1 -oE 'kafka: [0-9]+ published, [0-9]+ dropped, [0-9]+ failed' "$tmp/bridge$run.err") \
        || die "run $run: the bridge printed no kafka summary (exit $bridge_rc): $(tail -3 "$tmp/bridge$run.err")"
    received=$(grep -m1 -oE 'summary: [0-9]+ events' "$tmp/bridge$run.err" | grep -oE '[0-9]+') || received=-1
    read -r published dropped failures < <(grep -oE '[0-9]+' <<<"$kafka_line" | paste -sd' ')
    ask "offsets $topic"
    in_kafka=${reply##* }
    read -r user sys _ < <(tail -1 "$tmp/bridge$run.time")
    hz=$(getconf CLK_TCK)

    verdict=ok
    if ((in_kafka != published || dropped != 0 || failures != 0)); then
        verdict="FAILED (Kafka holds $in_kafka of $published published, $dropped dropped, $failures failed)"
        failed=1
    fi
    awk -v run="$run" -v sent="$sent" -v received="$received" -v replay="$replay_s" -v published="$published" \
        -v dropped="$dropped" -v failures="$failures" -v kafka="$in_kafka" -v rate="$rate" -v user="$user" -v sys="$sys" \
        -v t0="$ticks_at_start" -v t1="$ticks_at_end" -v hz="$hz" -v settled="$settled" \
        -v c0="$warm_count" -v w0="$warm_at" -v c1="$late_count" -v w1="$late_at" -v warm="$warm" \
        -v serve="$serve_ticks" -v broker="$broker_ticks" -v l0="$load_before" -v l1="$load_after" -v verdict="$verdict" 'BEGIN {
        kept = kafka / replay; cpu = user + sys; m = kafka / 1e6
        printf "run %d: server sent %d trades in %.3f s; bridge received %d, kafka: %d published, %d dropped, " \
               "%d failed; in Kafka %d (sent - in Kafka: %d); kept %.0f trades/s (%.3f of %d; %.0f trades/s after " \
               "the first %d s); bridge CPU %.1f s, %.2f CPU-s per M trades (%.2f from the replay start); " \
               "server CPU %.1f s, broker CPU %.1f s; Kafka still %s s after the server exited; load %s -> %s; %s\n",
               run, sent, replay, received, published, dropped, failures, kafka, sent - kafka, kept, kept / rate, rate,
               (w1 > w0 ? (c1 - c0) / (w1 - w0) : 0), warm, cpu, (m > 0 ? cpu / m : 0),
               (m > 0 ? (t1 - t0) / hz / m : 0), serve / hz, broker / hz, settled, l0, l1, verdict
    }'
done
exit "$failed"
