package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientStats;
import io.jvq.core.client.Dispatch;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.OverflowPolicy;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.DispatchEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener ten times slower than the feed, through a real socket: the feed pushes a trade a
 * millisecond, the listener spends ten milliseconds on each.
 *
 * <ul>
 * <li>With {@code Dispatch.bounded(capacity, DROP_OLDEST)} jvq never holds more than
 *     {@code capacity} events, and every trade is either delivered or counted as dropped.</li>
 * <li>With direct dispatch nothing is queued in jvq: the client takes a frame off the socket only
 *     when the listener is done with the last one, so the backlog stays in the socket buffers and
 *     with the sender, and nothing is lost once the listener catches up.</li>
 * </ul>
 */
class SlowConsumerTest {
    private static final Duration FEED_INTERVAL = Duration.ofMillis(1);
    private static final long LISTENER_MILLIS = 10;
    private static final Duration FEED_TIME = Duration.ofMillis(1500);
    private static final int CAPACITY = 64;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");

    /** Takes {@link #LISTENER_MILLIS} per trade until told to hurry. */
    private static final class SlowListener extends DeliveryLedger {
        final AtomicLong slowTrades = new AtomicLong();
        final List<DispatchEvent> dispatchEvents = new CopyOnWriteArrayList<>();
        volatile boolean slow = true;

        @Override
        public void onTrade(Level2Trade trade) {
            if (slow) {
                try {
                    TimeUnit.MILLISECONDS.sleep(LISTENER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowTrades.incrementAndGet();
            }
            super.onTrade(trade);
        }

        @Override
        public void onDispatchEvent(DispatchEvent event) {
            dispatchEvents.add(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aBoundedHandOffHoldsAtMostItsCapacityAndCountsEveryDrop(Transport transport) throws Exception {
        SlowListener listener = new SlowListener();
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().build())
                     .dispatch(Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_OLDEST))
                     .listener(listener).build()) {
            client.subscribe(CODE);
            client.start();
            listener.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);

            long feedStart = System.nanoTime();
            server.startFeed(codes -> codes.isEmpty() ? null : tape.nextFrame(), FEED_INTERVAL);
            TimeUnit.NANOSECONDS.sleep(FEED_TIME.toNanos());
            server.stopFeed();
            long feedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - feedStart);
            long sent = tape.nextId() - 1;

            // Once the queue has drained, every trade sent was either delivered or dropped.
            assertThat(DeliveryLedger.awaitCount(() -> listener.trades() + client.stats().droppedEvents(), sent, WAIT))
                    .as("delivered + dropped reaches the %d trades sent", sent).isTrue();
            ClientStats stats = client.stats();
            long delivered = listener.trades();
            System.out.printf("jvq slow consumer [%s, bounded %d, DROP_OLDEST]: feed %d trades in %d ms, listener"
                            + " %d ms a trade; delivered %d, dropped %d, unaccounted %d, peak queued %d%n",
                    transport, CAPACITY, sent, feedMillis, LISTENER_MILLIS, delivered, stats.droppedEvents(),
                    sent - delivered - stats.droppedEvents(), stats.peakQueuedEvents());

            assertThat(stats.peakQueuedEvents()).isPositive().isLessThanOrEqualTo(CAPACITY);
            assertThat(stats.droppedEvents()).as("dropped = sent - delivered").isEqualTo(sent - delivered);
            assertThat(stats.droppedEvents()).as("the listener really was slower than the feed").isPositive();
            assertThat(delivered).as("the listener kept getting trades").isGreaterThan(CAPACITY);
            assertThat(listener.dispatchEvents).first().isInstanceOf(DispatchEvent.DroppingStarted.class);
            assertThat(listener.connectionEvents()).noneMatch(s -> s.event() instanceof Disconnected);
            assertThat(server.feedFailure()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void directDispatchQueuesNothingInJvqAndLosesNothing(Transport transport) throws Exception {
        SlowListener listener = new SlowListener();
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().build()).listener(listener).build()) {
            client.subscribe(CODE);
            client.start();
            listener.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);
            long heapBefore = ProcessFootprint.heapAfterGc();

            long maxHeldInJvq = 0;
            long maxBacklog = 0;
            long feedStart = System.nanoTime();
            server.startFeed(codes -> codes.isEmpty() ? null : tape.nextFrame(), FEED_INTERVAL);
            while (System.nanoTime() - feedStart < FEED_TIME.toNanos()) {
                // A consistent pair: the listener's count did not move while the frame count was read.
                long delivered;
                long received;
                do {
                    delivered = listener.trades();
                    received = client.stats().framesReceived();
                } while (delivered != listener.trades());
                long sent = tape.nextId() - 1;
                // A frame counts as received before it is decoded; one trade a frame.
                maxHeldInJvq = Math.max(maxHeldInJvq, received - delivered);
                maxBacklog = Math.max(maxBacklog, sent - received);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            server.stopFeed();
            long feedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - feedStart);
            long sent = tape.nextId() - 1;
            long deliveredWhileSlow = listener.trades();
            long heapDuring = ProcessFootprint.heapAfterGc();

            listener.slow = false;
            assertThat(DeliveryLedger.awaitCount(listener::trades, sent, WAIT)).as("every trade arrives in the end")
                    .isTrue();
            System.out.printf("jvq slow consumer [%s, direct]: feed %d trades in %d ms, listener %d ms a trade;"
                            + " delivered %d while slow (%.0f/s), most frames held in jvq %d, most frames sent but not"
                            + " yet read by the client %d; heap %+.1f MiB; after the listener sped up: %d of %d"
                            + " delivered, %d lost%n", transport, sent, feedMillis, LISTENER_MILLIS,
                    deliveredWhileSlow, deliveredWhileSlow * 1000.0 / feedMillis, maxHeldInJvq, maxBacklog,
                    (heapDuring - heapBefore) / (1024.0 * 1024.0), listener.trades(), sent, sent - listener.trades());

            assertThat(maxHeldInJvq).as("frames taken off the socket and not yet delivered").isLessThanOrEqualTo(1);
            assertThat(maxBacklog).as("the feed ran ahead of the listener: the backlog is outside jvq")
                    .isGreaterThan(sent / 2);
            assertThat(listener.trades()).isEqualTo(sent);
            assertThat(listener.distinctTrades()).isEqualTo((int) sent);
            assertThat(client.stats().droppedEvents()).isZero();
        }
    }
}
