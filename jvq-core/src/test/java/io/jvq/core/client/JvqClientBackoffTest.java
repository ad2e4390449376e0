package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Discovering;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backoff between attempts: the policy's delays, reset only by a good connection (one that
 * delivered a quote frame or stayed up for {@code stableAfter}), never a storm.
 */
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
        socket.awaitConnection(1).pushLines("lv2_600519=09:30:00.120,1,1700.50,100");   // a good connection
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

    @Test
    void aServerThatAcceptsEachConnectionAndClosesItAtOnceSeesTheWaitsGrowNotAStorm() {
        AtomicBoolean overloaded = new AtomicBoolean(true);
        closeEachConnectionAtOnce(overloaded);
        client(options().reconnect(ReconnectPolicy.DEFAULT).build());
        client.subscribe(LV2_600519);
        client.start();

        clock.advance(Duration.ofSeconds(30));

        assertThat(socket.connectionCount()).as("connections in 30 s with the default policy")
                .isBetween(5, 10);
        assertThat(discovery.callCount()).isEqualTo(socket.connectionCount());
        List<ReconnectScheduled> waits = events.ofType(ReconnectScheduled.class);
        assertThat(waits).extracting(ReconnectScheduled::attempt)
                .as("an accepted upgrade that is closed at once is a failure like any other")
                .containsExactly(IntStream.rangeClosed(1, waits.size()).boxed().toArray(Integer[]::new));
        assertThat(waits).extracting(ReconnectScheduled::delayMillis).isSorted();
        assertThat(waits.get(waits.size() - 1).delayMillis()).isGreaterThanOrEqualTo(8_000);

        overloaded.set(false);
        int before = socket.connectionCount();
        clock.advance(Duration.ofMillis(waits.get(waits.size() - 1).delayMillis()));
        FakeSocketPort.FakeConnection recovered = awaitConnected(before + 1);
        recovered.pushLines("lv2_600519=09:30:00.120,1,1700.50,100");
        assertThat(events.await(Level2Trade.class, 1)).as("quotes flow within one backoff step").hasSize(1);

        recovered.serverClose(1000, "bye");
        assertThat(events.await(ReconnectScheduled.class, waits.size() + 1).get(waits.size()).attempt())
                .as("a connection that delivered quotes starts the count over").isEqualTo(1);
    }

    @Test
    void aConnectionThatStaysUpForStableAfterCountsAsGoodWithoutQuotes() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(10), Duration.ofSeconds(1), 2.0, 0.0)
                .withStableAfter(Duration.ofSeconds(5));
        client(options().reconnect(policy).build());
        client.start();
        awaitConnected(1).serverClose(1013, "try again later");
        waitOut(1);

        clock.advance(Duration.ofMillis(4_999));
        awaitConnected(2).serverClose(1013, "try again later");
        assertThat(events.await(ReconnectScheduled.class, 2).get(1).attempt())
                .as("up 4.999 s without a quote: not yet good").isEqualTo(2);
        waitOut(2);

        clock.advance(Duration.ofSeconds(5));
        awaitConnected(3).serverClose(1000, "bye");
        assertThat(events.await(ReconnectScheduled.class, 3).get(2).attempt())
                .as("up 5 s: good, so the count starts over").isEqualTo(1);
    }

    @Test
    void aPolicyWhoseConnectionsCountAsGoodTheMomentTheyOpenIsRefused() {
        assertThatThrownBy(() -> ReconnectPolicy.DEFAULT.withStableAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stableAfter must be positive");
    }

    /** While {@code overloaded}, the fake server accepts every upgrade and closes it at once with 1013. */
    private void closeEachConnectionAtOnce(AtomicBoolean overloaded) {
        events.react(event -> {
            if (event instanceof Connected && overloaded.get()) {
                List<FakeSocketPort.FakeConnection> all = socket.connections();
                all.get(all.size() - 1).serverClose(1013, "try again later");
            }
        });
    }

    /** Lets the wait before attempt {@code n} pass, once the client has scheduled it. */
    private void waitOut(int n) {
        clock.advance(Duration.ofMillis(events.await(ReconnectScheduled.class, n).get(n - 1).delayMillis()));
    }
}
