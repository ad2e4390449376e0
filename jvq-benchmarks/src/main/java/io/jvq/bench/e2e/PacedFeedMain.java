package io.jvq.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@link EndToEndLatency latency harness}'s server in a process of its own: an
 * {@link InProcessFeed} whose send log is a memory-mapped file the harness reads. Prints
 * {@code port=<n>} once listening, then follows its standard input line by line: {@code go} starts
 * the pacer (answered {@code pacing}), {@code stop} stops it (answered {@code stopped}); it ends when
 * its input closes (so it cannot outlive the harness), or with a stack trace on standard error and
 * status 1 when anything fails.
 *
 * <pre>java -cp benchmarks.jar io.jvq.bench.e2e.PacedFeedMain rate=100000 frameBytes=16384 log=/tmp/file</pre>
 *
 * @see io.jvq.bench.EndToEndLatency
 */
public final class PacedFeedMain {
    static final String PORT = "port=";
    static final String GO = "go";
    static final String PACING = "pacing";
    static final String STOP = "stop";
    static final String STOPPED = "stopped";

    private PacedFeedMain() {
    }

    public static void main(String[] argv) {
        try {
            serve(argv);
        } catch (Throwable e) {
            e.printStackTrace();
            // The fake's threads must not keep a failed server alive.
            System.exit(1);
        }
    }

    private static void serve(String[] argv) throws IOException, InterruptedException {
        Args args = new Args(argv, Set.of("rate", "frameBytes", "log"));
        String log = args.get("log", null);
        if (log == null) {
            throw new IllegalArgumentException("log=<file> is required: the send log the harness maps");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (InProcessFeed feed = InProcessFeed.start(args.getInt("rate", 100_000), args.getInt("frameBytes", 16384),
                slots -> SendLog.create(Path.of(log), slots))) {
            say(PORT + feed.port());
            for (String line; (line = in.readLine()) != null; ) {
                switch (line) {
                    case GO -> {
                        feed.startPacing();
                        say(PACING);
                    }
                    case STOP -> {
                        feed.stopPacing();
                        say(STOPPED);
                    }
                    default -> throw new IllegalArgumentException("unknown command '" + line + "'; expected "
                            + GO + " or " + STOP);
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
