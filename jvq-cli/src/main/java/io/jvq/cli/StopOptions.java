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

    @Option(names = "--give-up-after", paramLabel = "DURATION", converter = DurationText.class,
            description = "Exit 1 after this long without a connection (e.g. 90s, 5m; default: keep retrying). "
                    + "Passing refusals and failures are retried until then; a refused token exits 1 at once.")
    Duration giveUpAfter;

    long limitOrZero() {
        return limit == null ? 0 : limit;
    }
}
