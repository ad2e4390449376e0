package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.testkit.ClientCommand;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that stays open but goes silent (the server neither sends nor answers pings) is
 * found dead within the idle window and replaced by a fresh one, subscription and all.
 *
 * <p>Bounds: the client last heard from the server no earlier than the final push, so it may not
 * give up sooner than {@code idleTimeout} after that push; the last pong came at most a ping
 * interval before the stall, the idle check looks again as soon as the window can have run out, so
 * it must give up within {@code idleTimeout + pingInterval} of the stall, plus scheduling slack.
 */
class StaleConnectionTest {
    private static final Duration PING_INTERVAL = Duration.ofMillis(100);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(600);
    /** Thread scheduling on a shared two-core machine. */
    private static final Duration SLACK = Duration.ofMillis(250);
    private static final int STALLS = 3;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aSilentConnectionIsDetectedWithinTheIdleWindowAndReplaced(Transport transport) throws Exception {
        DeliveryLedger events = new DeliveryLedger();
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        List<Long> detections = new ArrayList<>();
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(options(server)).listener(events).build()) {
            client.subscribe(CODE);
            client.start();
            events.takeUntil(Connected.class, WAIT);
            int connection = server.takeCommand(WAIT).connectionId();

            for (int stall = 0; stall < STALLS; stall++) {
                long pushedAt = System.nanoTime();
                assertThat(server.pushQuotes(tape.nextFrame())).isEqualTo(1);
                assertThat(DeliveryLedger.awaitCount(events::trades, tape.nextId() - 1, WAIT)).isTrue();
                long stalledAt = System.nanoTime();
                server.stall();

                List<DeliveryLedger.Stamped> replaced = events.takeUntil(Connected.class, WAIT);
                long detectedAt = replaced.stream().filter(s -> s.event() instanceof Disconnected).findFirst()
                        .orElseThrow(() -> new AssertionError("no Disconnected before the new connection: " + replaced))
                        .nanos();
                assertThat(replaced.get(0).event()).isInstanceOfSatisfying(Disconnected.class,
                        d -> assertThat(d.reason()).contains("idle timeout"));
                assertThat(Duration.ofNanos(detectedAt - pushedAt)).as("from the last push to Disconnected")
                        .isGreaterThanOrEqualTo(IDLE_TIMEOUT);
                assertThat(Duration.ofNanos(detectedAt - stalledAt)).as("from the stall to Disconnected")
                        .isLessThanOrEqualTo(IDLE_TIMEOUT.plus(PING_INTERVAL).plus(SLACK));
                detections.add(TimeUnit.NANOSECONDS.toMillis(detectedAt - stalledAt));

                ClientCommand resubscribed = server.takeCommand(WAIT);
                assertThat(resubscribed.connectionId()).isGreaterThan(connection);
                assertThat(resubscribed.text()).isEqualTo("all=" + CODE.wire());
                connection = resubscribed.connectionId();
                server.resume();
                server.awaitConnections(1, WAIT);
                assertThat(server.pushQuotes(tape.nextFrame())).isEqualTo(1);
                assertThat(DeliveryLedger.awaitCount(events::trades, tape.nextId() - 1, WAIT))
                        .as("the replacement connection delivers").isTrue();
            }
        }
        System.out.printf("jvq stale [%s]: %d stalls detected after %s ms (idle %d ms, ping %d ms)%n", transport,
                STALLS, detections, IDLE_TIMEOUT.toMillis(), PING_INTERVAL.toMillis());
    }

    private static ClientOptions options(FakeJvQuant server) {
        return server.clientOptions().pingInterval(PING_INTERVAL).idleTimeout(IDLE_TIMEOUT)
                .reconnect(FaultSoakTest.POLICY).build();
    }
}
