package io.jvq.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --duration} and {@code --limit}: when a session stops by itself. */
final class StopOptions {

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Stop after this many seconds (decimals allowed).")
    Duration duration;

    @Option(names = "--limit", paramLabel = "N", converter = PositiveCount.class,
            description = "Stop after N quote events (level-1 snapshots, trades, level-10 books).")
    Long limit;

    long limitOrZero() {
        return limit == null ? 0 : limit;
    }
}
