package io.jvq.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A collection while watched is counted, with its pause in the total and the longest. */
class GcPausesTest {

    @Test
    void aCollectionWhileWatchedIsCounted() {
        try (GcPauses pauses = new GcPauses()) {
            pauses.take();
            System.gc(); // a full, stop-the-world collection on every HotSpot collector without ExplicitGCInvokesConcurrent
            String window = awaitCounted(pauses);
            assertThat(window).matches("[1-9]\\d*, total \\d+ ms, longest \\d+ ms");
            String[] numbers = window.replaceAll("[^0-9]+", " ").trim().split(" ");
            assertThat(Long.parseLong(numbers[2])).isLessThanOrEqualTo(Long.parseLong(numbers[1]));
        }
    }

    private static String awaitCounted(GcPauses pauses) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String window = pauses.take();
        while (window.startsWith("0,") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            window = pauses.take();
        }
        return window;
    }
}
