package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's events as a Flow.Publisher: demand honoured, slow subscribers bounded, Closed completes. */
class EventPublisherTest {
    private final FakeDiscovery discovery = new FakeDiscovery();
    private final FakeSocketPort socket = new FakeSocketPort();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-subscribers");
        thread.setDaemon(true);
        return thread;
    });
    private JvqClient client;

    @AfterEach
    void closeEverything() {
        if (client != null) {
            client.close();
        }
        executor.shutdownNow();
    }

    /** Records what it gets; asks for {@code initial} events, then for more only when told. */
    static final class Recording implements Flow.Subscriber<JvqEvent> {
        final List<JvqEvent> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean completed = new AtomicBoolean();
        private final long initial;
        volatile Flow.Subscription subscription;

        Recording(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(initial);
        }

        @Override
        public void onNext(JvqEvent item) {
            received.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            received.add(new io.jvq.core.event.ListenerFailure(new ConnectionEvent.Closed(), throwable));
        }

        @Override
        public void onComplete() {
            completed.set(true);
        }

        List<Long> tradeIds() {
            return received.stream().filter(Level2Trade.class::isInstance).map(e -> ((Level2Trade) e).tradeId()).toList();
        }
    }

    private FakeSocketPort.FakeConnection connect(EventPublisher publisher) {
        client = JvqClient.builder().options(ClientOptions.builder("tok-SECRET-4242").pingInterval(java.time.Duration.ZERO)
                        .idleTimeout(java.time.Duration.ZERO).build())
                .socket(socket).discovery(discovery).listener(publisher).build();
        client.start();
        return socket.awaitConnection(1);
    }

    @Test
    void aSubscriberGetsTheEventsInOrderAndIsCompletedByClose() {
        EventPublisher publisher = new EventPublisher(executor, 64);
        Recording subscriber = new Recording(Long.MAX_VALUE);
        publisher.subscribe(subscriber);
        FakeSocketPort.FakeConnection connection = connect(publisher);
        Await.until("Connected", () -> subscriber.received.contains(new ConnectionEvent.Connected(FakeDiscovery.DEFAULT_SERVER)));

        connection.pushLines("lv2_600519=09:30:00.000,1,10.00,100|09:30:00.000,2,10.00,100");
        client.close();

        Await.until("completion", subscriber.completed::get, () -> subscriber.received.toString());
        assertThat(subscriber.tradeIds()).containsExactly(1L, 2L);
        assertThat(subscriber.received).last().isEqualTo(new ConnectionEvent.Closed());
        assertThat(publisher.dropped()).isZero();
    }

    @Test
    void aSubscriberThatDoesNotAskForMoreCostsItsBufferAndEveryLossIsCounted() {
        EventPublisher publisher = new EventPublisher(executor, 4);
        Recording slow = new Recording(1);
        publisher.subscribe(slow);
        FakeSocketPort.FakeConnection connection = connect(publisher);
        Await.until("the first event", () -> slow.received.size() == 1);
        Await.until("the upgrade", () -> client.isConnected());

        for (int id = 1; id <= 20; id++) {
            connection.pushLines("lv2_600519=09:30:00.000," + id + ",10.00,100");
        }
        // Connected may reach the publisher after the first trades (it is emitted once the
        // upgrade's callback has run): wait for it rather than assert at once.
        Await.until("20 trades and 2 connection events into a buffer of 4 to drop at least 18",
                () -> publisher.dropped() >= 22 - 4, () -> "dropped " + publisher.dropped());
        slow.subscription.request(Long.MAX_VALUE);
        client.close();

        Await.until("completion", slow.completed::get);
        int offered = 3 + 20 + 1;   // Discovering, Connecting, Connected, the trades, Closed
        assertThat(slow.received.size() + publisher.dropped()).isEqualTo(offered);
        assertThat(slow.tradeIds()).isSorted();
    }

    @Test
    void aBufferNeedsRoomForOneEvent() {
        assertThatThrownBy(() -> new EventPublisher(executor, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bufferCapacity must be at least 1, got 0");
    }
}
