package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DispatchEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounded hand-off between the reader and a listener slower than the feed: the queue never
 * holds more than its capacity, every drop is counted and announced, BLOCK loses nothing and
 * holds the reader instead, connection events are never dropped, and close releases the thread.
 */
class JvqClientDispatchTest extends ClientTestSupport {
    private static final int CAPACITY = 4;

    /** Released by the test; the listener holds trade #1 until then. */
    private final CountDownLatch release = new CountDownLatch(1);

    private static String trade(long id) {
        return "lv2_600519=09:30:00.000," + id + ",10.00,100";
    }

    private List<Long> tradeIds() {
        return events.ofType(Level2Trade.class).stream().map(Level2Trade::tradeId).toList();
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** The listener blocks in its callback for trade #1 until {@link #release} opens. */
    private void holdTradeOne() {
        events.react(event -> {
            if (event instanceof Level2Trade t && t.tradeId() == 1) {
                awaitQuietly(release);
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connects, pushes trade #1 and waits until the listener is holding it. */
    private FakeSocketPort.FakeConnection connectAndHoldTradeOne() {
        holdTradeOne();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushLines(trade(1));
        events.awaitFirst(Level2Trade.class, t -> t.tradeId() == 1);
        return connection;
    }

    /** The events after the first Connected, trades shown as their ids. */
    private List<Object> afterConnected() {
        List<JvqEvent> all = events.all();
        int from = 0;
        while (!(all.get(from) instanceof ConnectionEvent.Connected)) {
            from++;
        }
        List<Object> shown = new ArrayList<>();
        for (JvqEvent event : all.subList(from + 1, all.size())) {
            shown.add(event instanceof Level2Trade t ? t.tradeId() : event);
        }
        return shown;
    }

    @Nested
    class WhenTheQueueIsFull {

        @Test
        void dropNewestKeepsWhatIsQueuedAndCountsEveryArrivalItDrops() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_NEWEST);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();

            for (long id = 2; id <= 11; id++) {
                connection.pushLines(trade(id));
            }

            ClientStats whileHeld = client.stats();
            assertThat(whileHeld.droppedEvents()).isEqualTo(6);
            assertThat(whileHeld.peakQueuedEvents()).isEqualTo(CAPACITY);
            release.countDown();
            events.await(DispatchEvent.DroppingStopped.class, 1);
            assertThat(afterConnected()).containsExactly(1L, 2L, 3L, 4L, 5L,
                    new DispatchEvent.DroppingStarted(CAPACITY), new DispatchEvent.DroppingStopped(6));
            assertThat(client.stats().quoteEvents()).isEqualTo(5);
        }

        @Test
        void dropOldestSkipsAheadToTheFreshestEventsAndMarksTheGapWhereItIs() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_OLDEST);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();

            for (long id = 2; id <= 11; id++) {
                connection.pushLines(trade(id));
            }

            assertThat(client.stats().droppedEvents()).isEqualTo(6);
            assertThat(client.stats().peakQueuedEvents()).isEqualTo(CAPACITY);
            release.countDown();
            events.await(DispatchEvent.DroppingStopped.class, 1);
            assertThat(afterConnected()).containsExactly(1L,
                    new DispatchEvent.DroppingStarted(CAPACITY), 8L, 9L, 10L, 11L,
                    new DispatchEvent.DroppingStopped(6));
        }

        @Test
        void blockHoldsTheReaderUntilTheListenerMakesRoomAndLosesNothing() throws InterruptedException {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.BLOCK);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();
            for (long id = 2; id <= 1 + CAPACITY; id++) {
                connection.pushLines(trade(id));
            }
            Thread reader = new Thread(() -> {
                for (long id = 2 + CAPACITY; id <= 20; id++) {
                    connection.pushLines(trade(id));
                }
            }, "fake-reader");

            reader.start();

            Await.until("the reader to wait for room", () -> reader.getState() == Thread.State.WAITING,
                    () -> "reader is " + reader.getState());
            assertThat(tradeIds()).containsExactly(1L);
            assertThat(client.stats().framesReceived()).isEqualTo(2 + CAPACITY);
            release.countDown();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(reader.isAlive()).isFalse();
            Await.until("20 trades", () -> tradeIds().size() == 20, events::describe);
            assertThat(tradeIds()).isEqualTo(ids(1, 20));
            assertThat(client.stats().droppedEvents()).isZero();
            assertThat(client.stats().peakQueuedEvents()).isEqualTo(CAPACITY);
            assertThat(events.ofType(DispatchEvent.class)).isEmpty();
        }

        @Test
        void connectionEventsAreNeverDroppedAndKeepTheirPlaceAmongTheQuotes() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_NEWEST);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();
            for (long id = 2; id <= 7; id++) {
                connection.pushLines(trade(id));
            }

            connection.serverClose(1001, "going away");
            release.countDown();

            awaitConnected(2);
            events.await(DispatchEvent.DroppingStopped.class, 1);
            List<Object> seen = afterConnected();
            assertThat(seen.subList(0, 7)).containsExactly(1L, 2L, 3L, 4L, 5L,
                    new DispatchEvent.DroppingStarted(CAPACITY),
                    new ConnectionEvent.Disconnected(1001, "the server closed the connection (1001): going away"));
            assertThat(seen).containsSubsequence(
                    new ConnectionEvent.Disconnected(1001, "the server closed the connection (1001): going away"),
                    new ConnectionEvent.ReconnectScheduled(1, 1),
                    new ConnectionEvent.Connected(FakeDiscovery.DEFAULT_SERVER));
            assertThat(seen).contains(new DispatchEvent.DroppingStopped(2));
            assertThat(client.stats().droppedEvents()).isEqualTo(2);
        }
    }

    @Nested
    class ATenTimesSlowerListener {
        private static final int FEED = 2_000;
        private static final int QUEUE = 16;

        /**
         * The listener takes one trade for every ten the feed pushes, in lockstep: it waits for a
         * permit per trade, and the feed hands out one permit every ten trades and goes on only
         * once the listener has taken it. No timing is involved.
         */
        @ParameterizedTest
        @EnumSource(value = OverflowPolicy.class, names = {"DROP_OLDEST", "DROP_NEWEST"})
        void costsAtMostTheQueueAndAccountsForEveryTrade(OverflowPolicy overflow) {
            dispatch = Dispatch.bounded(QUEUE, overflow);
            Semaphore permits = new Semaphore(0);
            events.react(event -> {
                if (event instanceof Level2Trade) {
                    permits.acquireUninterruptibly();
                }
            });
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

            for (long id = 1; id <= FEED; id++) {
                connection.pushLines(trade(id));
                if (id % 10 == 0) {
                    permits.release();
                    Await.until("the listener to take its permit", () -> permits.availablePermits() == 0);
                }
            }
            long deliveredDuringTheFeed = tradeIds().size();
            permits.release(FEED);
            events.await(DispatchEvent.DroppingStopped.class, 1);

            ClientStats stats = client.stats();
            List<Long> delivered = tradeIds();
            assertThat(stats.peakQueuedEvents()).isEqualTo(QUEUE);
            assertThat(deliveredDuringTheFeed).isLessThanOrEqualTo(FEED / 10 + 1);
            assertThat(delivered.size() + stats.droppedEvents()).isEqualTo(FEED);
            assertThat(stats.droppedEvents()).isGreaterThanOrEqualTo(FEED - (FEED / 10 + 1) - QUEUE);
            assertThat(events.ofType(DispatchEvent.class)).as("one episode: the queue stayed full until the end")
                    .containsExactly(new DispatchEvent.DroppingStarted(QUEUE),
                            new DispatchEvent.DroppingStopped(stats.droppedEvents()));
            assertThat(delivered).isSorted().doesNotHaveDuplicates().startsWith(1L);
            if (overflow == OverflowPolicy.DROP_OLDEST) {
                assertThat(delivered).as("the freshest trade is never the one dropped").endsWith((long) FEED);
            } else {
                assertThat(delivered).as("what was queued before the first drop is kept")
                        .startsWith(ids(1, QUEUE).toArray(Long[]::new));
            }
            assertThat(stats.quoteEvents()).isEqualTo(delivered.size());
            System.out.println("jvq slow consumer (" + overflow + ", queue " + QUEUE + "): " + FEED + " trades, "
                    + delivered.size() + " delivered, " + stats.droppedEvents() + " dropped, lost unaccounted 0, "
                    + "peak queued " + stats.peakQueuedEvents());
        }

        @Test
        void withBlockEveryTradeArrivesInOrderAndTheQueueStaysWithinItsCapacity() throws InterruptedException {
            int feed = 300;
            dispatch = Dispatch.bounded(QUEUE, OverflowPolicy.BLOCK);
            events.react(event -> {
                if (event instanceof Level2Trade) {
                    LockSupport.parkNanos(1_000_000);   // 1 ms a trade: ten times the feed's pace below
                }
            });
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
            Thread reader = new Thread(() -> {
                for (long id = 1; id <= feed; id++) {
                    connection.pushLines(trade(id));
                    LockSupport.parkNanos(100_000);
                }
            }, "fake-reader");

            reader.start();
            reader.join(TimeUnit.SECONDS.toMillis(10));

            Await.until(feed + " trades", () -> tradeIds().size() == feed, () -> tradeIds().size() + " so far");
            assertThat(tradeIds()).isEqualTo(ids(1, feed));
            assertThat(client.stats().droppedEvents()).isZero();
            assertThat(client.stats().peakQueuedEvents()).isBetween(1L, (long) QUEUE);
            System.out.println("jvq slow consumer (BLOCK, queue " + QUEUE + "): " + feed + " trades, "
                    + tradeIds().size() + " delivered, 0 dropped, peak queued " + client.stats().peakQueuedEvents());
        }
    }

    @Nested
    class TheDispatchThread {

        @Test
        void deliversEveryEventInOrderOnANamedDaemonThread() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_OLDEST);
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

            connection.pushLines(trade(1), trade(2));
            connection.pushText("ok");
            Await.until("the reply", () -> events.ofType(ServerText.class).size() == 1);

            assertThat(client.dispatchThread().getName()).matches("jvq-dispatch-\\d+");
            assertThat(client.dispatchThread().isDaemon()).isTrue();
            assertThat(events.received()).allSatisfy(r -> assertThat(r.thread()).isEqualTo(client.dispatchThread().getName()));
            assertThat(events.all()).startsWith(new ConnectionEvent.Discovering(0));
            assertThat(afterConnected()).containsExactly(1L, 2L, new ServerText("ok"));
        }

        @Test
        void closeDiscardsTheQueuedQuotesDeliversClosedLastAndEndsTheThread() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_NEWEST);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();
            for (long id = 2; id <= 4; id++) {
                connection.pushLines(trade(id));
            }
            Thread thread = client.dispatchThread();

            client.close();
            release.countDown();

            Await.until("the dispatch thread to end", () -> !thread.isAlive());
            List<Object> seen = afterConnected();
            assertThat(seen).first().isEqualTo(1L);
            assertThat(seen).last().isEqualTo(new ConnectionEvent.Closed());
            assertThat(seen).doesNotContain(2L, 3L, 4L);
            assertThat(client.stats().droppedEvents()).isZero();
        }

        @Test
        void closeReleasesAReaderBlockedOnAFullQueue() throws InterruptedException {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.BLOCK);
            FakeSocketPort.FakeConnection connection = connectAndHoldTradeOne();
            Thread reader = new Thread(() -> {
                for (long id = 2; id <= 10; id++) {
                    connection.pushLines(trade(id));
                }
            }, "fake-reader");
            reader.start();
            Await.until("the reader to wait for room", () -> reader.getState() == Thread.State.WAITING);

            client.close();

            reader.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(reader.isAlive()).isFalse();
            release.countDown();
            Await.until("the dispatch thread to end", () -> !client.dispatchThread().isAlive());
            assertThat(events.all()).last().isEqualTo(new ConnectionEvent.Closed());
        }

        @Test
        void aListenerMayCloseTheClientFromItsCallback() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.BLOCK);
            events.react(event -> {
                if (event instanceof Level2Trade) {
                    client.close();
                }
            });
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

            connection.pushLines(trade(1));

            events.await(ConnectionEvent.Closed.class, 1);
            Await.until("the dispatch thread to end", () -> !client.dispatchThread().isAlive());
            assertThat(events.all()).last().isEqualTo(new ConnectionEvent.Closed());
            assertThat(tradeIds()).containsExactly(1L);
        }

        @Test
        void aClientClosedBeforeItStartedStillDeliversClosedAndLeavesNoThread() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.DROP_OLDEST);
            client();

            client.close();

            events.await(ConnectionEvent.Closed.class, 1);
            Await.until("the dispatch thread to end", () -> !client.dispatchThread().isAlive());
            assertThat(events.all()).containsExactly(new ConnectionEvent.Closed());
        }

        @Test
        void survivesAListenerThatThrowsAnExceptionOrAnError() {
            dispatch = Dispatch.bounded(CAPACITY, OverflowPolicy.BLOCK);
            IllegalStateException bug = new IllegalStateException("listener bug");
            events.react(event -> {
                if (event instanceof Level2Trade t && t.tradeId() == 1) {
                    throw bug;
                }
                if (event instanceof Level2Trade t && t.tradeId() == 2) {
                    throw new StackOverflowError("deep listener");
                }
            });
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

            connection.pushLines(trade(1), trade(2), trade(3));

            Await.until("trade 3", () -> tradeIds().contains(3L), events::describe);
            assertThat(tradeIds()).containsExactly(1L, 2L, 3L);
            assertThat(events.ofType(ListenerFailure.class)).extracting(ListenerFailure::error).containsExactly(bug);
            assertThat(client.stats().listenerFailures()).isEqualTo(2);
            assertThat(client.dispatchThread().isAlive()).isTrue();
        }
    }

    @Nested
    class Configuration {

        @Test
        void directDispatchIsTheDefaultAndHasNoThreadOrQueue() {
            client();
            FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

            connection.pushLines(trade(1));

            assertThat(client.dispatchThread()).isNull();
            assertThat(events.received()).filteredOn(r -> r.event() instanceof Level2Trade)
                    .allSatisfy(r -> assertThat(r.thread()).isEqualTo(Thread.currentThread().getName()));
            assertThat(client.stats().peakQueuedEvents()).isZero();
        }

        @Test
        void aBoundedQueueNeedsAPositiveCapacityAndAPolicy() {
            assertThatThrownBy(() -> Dispatch.bounded(0, OverflowPolicy.BLOCK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dispatch queue capacity must be at least 1, got 0");
            assertThatThrownBy(() -> Dispatch.bounded(8, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("overflow");
            assertThatThrownBy(() -> JvqClient.builder().dispatch(null))
                    .isInstanceOf(NullPointerException.class).hasMessageStartingWith("dispatch is null: pass Dispatch.direct()");
            assertThat(Dispatch.bounded(8, OverflowPolicy.DROP_OLDEST))
                    .isEqualTo(new Dispatch.Bounded(8, OverflowPolicy.DROP_OLDEST));
        }
    }
}
