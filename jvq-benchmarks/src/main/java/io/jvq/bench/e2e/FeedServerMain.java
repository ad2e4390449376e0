package io.jvq.bench.e2e;

import io.jvq.sim.MarketSimulator;
import io.jvq.testkit.FakeJvQuant;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;

/**
 * A fake jvQuant streaming the market simulator, in a process of its own so that the client's
 * process holds only the client. Prints {@code port=<n>} once listening and runs until its standard
 * input closes (the parent's end of the pipe: it cannot outlive the harness).
 *
 * <pre>java -cp benchmarks.jar io.jvq.bench.e2e.FeedServerMain [tickMillis=1000]</pre>
 */
public final class FeedServerMain {
    private FeedServerMain() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, java.util.Set.of("tickMillis"));
        Duration tick = Duration.ofMillis(args.getInt("tickMillis", 1000));
        MarketSimulator market = MarketSimulator.builder().seed(20240611L).startTime(LocalTime.of(9, 30))
                .tickInterval(tick).build();
        try (FakeJvQuant server = FakeJvQuant.start()) {
            server.startFeed(market::nextTick, tick);
            System.out.println("port=" + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Nothing is expected on stdin; end of input is the signal to stop.
            }
            server.stopFeed();
        }
    }
}
