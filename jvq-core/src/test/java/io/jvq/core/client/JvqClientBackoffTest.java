package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Discovering;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Backoff between attempts: the policy's delays, reset by a good connection, never a storm. */
class JvqClientBackoffTest extends ClientTestSupport {
    private static final long SEED = 7;

    private final VirtualScheduler clock = virtualTime();

    @Test
    void delaysFollowThePolicyForTheInjectedRandomAndStartOverAfterAGoodConnection() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(4), Duration.ofMillis(64), 2.0, 0.5);
        for (int i = 0; i < 4; i++) {
            discovery.thenRefuse("9", "{\"code\":\"9\"}");
        }
        client(options().reconnect(policy).build());
        client.start();
        for (int attempt = 1; attempt <= 4; attempt++) {
            waitOut(attempt);
        }
        events.await(Connected.class, 1);
        socket.awaitConnection(1).fail(new IOException("cut"));
        waitOut(5);
        events.await(Connected.class, 2);

        SplittableRandom reference = new SplittableRandom(SEED);
        List<ReconnectScheduled> expected = List.of(
                new ReconnectScheduled(1, policy.delayMillis(1, reference)),
                new ReconnectScheduled(2, policy.delayMillis(2, reference)),
                new ReconnectScheduled(3, policy.delayMillis(3, reference)),
                new ReconnectScheduled(4, policy.delayMillis(4, reference)),
                new ReconnectScheduled(1, policy.delayMillis(1, reference)));
        assertThat(events.ofType(ReconnectScheduled.class)).isEqualTo(expected);
        assertThat(expected).extracting(ReconnectScheduled::delayMillis)
                .as("jitter really was drawn").isNotEqualTo(List.of(4L, 8L, 16L, 32L, 4L));
        assertThat(events.ofType(Discovering.class)).extracting(Discovering::attempt)
                .containsExactly(0, 1, 2, 3, 4, 1);
    }

    @Test
    void refusalsAreRetriedNoSoonerThanTheScheduledDelayAndOnlyOnceEach() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.0);
        for (int i = 0; i < 4; i++) {
            discovery.thenRefuse("1", "{\"code\":\"1\",\"msg\":\"busy\"}");
        }
        client(options().reconnect(policy).build());
        client.start();

        for (int attempt = 1; attempt <= 4; attempt++) {
            long delay = events.await(ReconnectScheduled.class, attempt).get(attempt - 1).delayMillis();
            clock.advance(Duration.ofMillis(delay - 1));
            assertThat(discovery.callCount()).as("discoveries 1 ms before retry #%d", attempt).isEqualTo(attempt);
            clock.advance(Duration.ofMillis(1));
            assertThat(discovery.callCount()).as("discoveries when retry #%d is due", attempt).isEqualTo(attempt + 1);
        }
        events.await(Connected.class, 1);

        assertThat(events.ofType(ReconnectScheduled.class)).extracting(ReconnectScheduled::delayMillis)
                .containsExactly(10L, 20L, 40L, 40L);
        assertThat(discovery.calls()).hasSize(5)
                .allSatisfy(call -> assertThat(call.thread()).startsWith("jvq-client-"));
        assertThat(client.stats().discoveryFailures()).isEqualTo(4);
        assertThat(client.stats().reconnects()).isEqualTo(4);
    }

    /** Lets the wait before attempt {@code n} pass, once the client has scheduled it. */
    private void waitOut(int n) {
        clock.advance(Duration.ofMillis(events.await(ReconnectScheduled.class, n).get(n - 1).delayMillis()));
    }
}
