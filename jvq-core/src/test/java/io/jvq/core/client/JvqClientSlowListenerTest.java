package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Closed;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that is slow for a while (a GC storm, a slow database write) never makes the client
 * cut its own feed, every quote is delivered or counted, and callbacks never overlap; on virtual
 * time, so "15 s" pass without waiting for them.
 */
class JvqClientSlowListenerTest extends ClientTestSupport {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(12);

    private final VirtualScheduler clock = virtualTime();
    /** Released by the test: until then the listener holds the trade it is on. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final AtomicInteger inListener = new AtomicInteger();
    private final LongAccumulator mostAtOnce = new LongAccumulator(Math::max, 0);
    private Thread server;

    @AfterEach
    void letTheServerThreadGo() throws InterruptedException {
        release.countDown();
        if (server != null) {
            server.join(5_000);
        }
    }

    @Test
    void aListenerHoldingTheReaderFor15sIsNotMistakenForASilentServer() {
        holdOnFirstTrade();
        client(options().idleTimeout(IDLE_TIMEOUT).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        sendFramesOneASecond(connection, 15);
        awaitHolding();
        clock.advance(Duration.ofSeconds(15));

        assertThat(connection.aborted()).as("frames were waiting in the socket the whole time").isFalse();
        release.countDown();
        awaitTrades(15);
        assertThat(events.ofType(Disconnected.class)).isEmpty();
        assertThat(client.stats().undeliveredRecords()).isZero();
        assertThat(client.stats().droppedEvents()).isZero();
    }

    @Test
    void theIdleClockStartsAgainWhenTheListenerLetsGo() {
        holdOnFirstTrade();
        client(options().idleTimeout(IDLE_TIMEOUT).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        sendFramesOneASecond(connection, 1);
        awaitHolding();
        clock.advance(Duration.ofSeconds(20));
        release.countDown();
        Await.until("the reader let go", () -> !server.isAlive());

        clock.advance(IDLE_TIMEOUT.minusMillis(1));
        assertThat(connection.aborted()).as("silent for just under the idle timeout since the listener let go")
                .isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(connection.aborted()).as("now the network really has been silent").isTrue();
    }

    @Test
    void aFullBlockingHandOffIsNotMistakenForASilentServerEither() {
        dispatch = Dispatch.bounded(2, OverflowPolicy.BLOCK);
        holdOnFirstTrade();
        client(options().idleTimeout(IDLE_TIMEOUT).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        sendFramesOneASecond(connection, 10);
        awaitHolding();
        Await.until("the reader blocked on the full queue",
                () -> client.metrics().queuedEvents() == 2 && server.getState() == Thread.State.WAITING);
        clock.advance(Duration.ofSeconds(15));

        assertThat(connection.aborted()).isFalse();
        release.countDown();
        awaitTrades(10);
        assertThat(client.stats().droppedEvents()).isZero();
    }

    @Test
    void quotesOfAFrameCutShortByTheConnectionsEndAreCountedNotLost() {
        holdOnFirstTrade();
        client(options().build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        server = new Thread(() -> connection.pushLines(
                "lv2_600519=09:30:00.120,1,1700.50,100",
                "lv2_600519=09:30:00.130,2,1700.60,200",
                "lv2_600519=09:30:00.140,3,1700.70,300"), "fake-reader");
        server.start();
        awaitHolding();

        client.close();   // the link ends while trade 1 of 3 is with the listener
        release.countDown();
        Await.until("the reader is done with the frame", () -> !server.isAlive());
        connection.pushLines("lv2_600519=09:30:01.000,4,1700.80,400");   // already on its way

        ClientStats stats = client.stats();
        assertThat(stats.quoteEvents()).isEqualTo(1);
        assertThat(stats.undeliveredRecords()).as("trades 2 and 3 of the frame").isEqualTo(2);
        assertThat(stats.undeliveredFrames()).as("the frame after the end").isEqualTo(1);
        assertThat(events.all().get(events.all().size() - 1)).isInstanceOf(Closed.class);
    }

    @Test
    void aConnectionLostWhileOnTradeRunsIsReportedAfterItReturnsNotDuringIt() {
        holdOnFirstTrade();
        client(options().build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        sendFramesOneASecond(connection, 1);
        awaitHolding();

        connection.failSends();
        client.subscribe(LV2_000001);   // the send fails: the session ends the link on its own thread
        clock.idle();

        assertThat(events.ofType(Disconnected.class)).as("not while onTrade holds the listener").isEmpty();
        release.countDown();
        events.await(ReconnectScheduled.class, 1);
        List<JvqEvent> order = events.all();
        assertThat(order.indexOf(events.ofType(Level2Trade.class).get(0)))
                .isLessThan(order.indexOf(events.ofType(Disconnected.class).get(0)));
        assertThat(mostAtOnce.get()).as("callbacks at once").isEqualTo(1);
    }

    @Test
    void callbacksNeverOverlapWithABoundedHandOffEither() {
        dispatch = Dispatch.bounded(16, OverflowPolicy.DROP_NEWEST);
        holdOnFirstTrade();
        client(options().build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        sendFramesOneASecond(connection, 1);
        awaitHolding();

        connection.failSends();
        client.subscribe(LV2_000001);
        clock.idle();
        release.countDown();
        events.await(ReconnectScheduled.class, 1);

        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    /** The listener holds its first trade until the test releases it, and measures overlap throughout. */
    private void holdOnFirstTrade() {
        events.react(event -> {
            mostAtOnce.accumulate(inListener.incrementAndGet());
            try {
                if (event instanceof Level2Trade && holding.getCount() > 0) {
                    holding.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inListener.decrementAndGet();
            }
        });
    }

    /**
     * The server sends one trade a frame, one frame a second of virtual time, from a thread of its
     * own (the reader); the frames after the first wait behind the listener, as in a socket.
     */
    private void sendFramesOneASecond(FakeSocketPort.FakeConnection connection, int frames) {
        server = new Thread(() -> {
            for (int i = 1; i <= frames; i++) {
                connection.pushLines("lv2_600519=09:30:" + String.format("%02d", i) + ".000," + i + ",1700.50,100");
            }
        }, "fake-reader");
        server.start();
    }

    private void awaitHolding() {
        Await.until("the listener holding its first trade", () -> holding.getCount() == 0);
    }

    private void awaitTrades(int n) {
        events.await(Level2Trade.class, n);
    }
}
