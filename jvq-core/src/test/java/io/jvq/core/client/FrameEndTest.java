package io.jvq.core.client;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a frame, as the listener hears it: after the frame's events, on the thread that
 * delivered them, through the bounded hand-off too; a listener that throws at a frame's end is
 * counted and the feed goes on. (Every transport's reader thread: the conformance suite.)
 */
class FrameEndTest extends ClientTestSupport {

    /** Writes trades, errors and frame ends on a tape, and notes the threads they came on. */
    private final class Tape implements QuoteListener {
        final List<String> entries = new ArrayList<>();
        final Set<String> threads = new CopyOnWriteArraySet<>();
        volatile RuntimeException failAtFrameEnd;

        @Override
        public void onEvent(JvqEvent event) {
            events.onEvent(event);
            if (event instanceof Level2Trade trade) {
                add("trade " + trade.tradeId());
            } else if (event instanceof DecodeError) {
                add("error");
            }
        }

        @Override
        public void onFrameEnd() {
            add("frame end");
            if (failAtFrameEnd != null) {
                throw failAtFrameEnd;
            }
        }

        private synchronized void add(String entry) {
            entries.add(entry);
            threads.add(Thread.currentThread().getName());
            notifyAll();
        }

        synchronized List<String> await(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (entries.size() < n && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return List.copyOf(entries);
        }
    }

    private final Tape tape = new Tape();

    private FakeSocketPort.FakeConnection connect(Dispatch dispatch) {
        client = JvqClient.builder().options(options().build()).socket(socket).discovery(discovery)
                .listener(tape).dispatch(dispatch).build();
        return startAndAwaitConnected();
    }

    @Test
    void throughTheBoundedHandOffEachFrameEndsAfterItsEventsOnTheDispatchThread() throws InterruptedException {
        FakeSocketPort.FakeConnection connection = connect(Dispatch.bounded(64, OverflowPolicy.BLOCK));

        connection.pushLines("lv2_600519=09:30:00.000,1,10.00,100|09:30:00.000,2,10.00,100");
        connection.pushLines("lv2_600519=09:30:01.000,3,10.00,100\nlv2_600519=garbage");

        assertThat(tape.await(6)).containsExactly("trade 1", "trade 2", "frame end", "trade 3", "error", "frame end");
        assertThat(tape.threads).singleElement().asString().startsWith("jvq-dispatch-");
    }

    @Test
    void aListenerThatThrowsAtAFramesEndIsCountedAndTheFeedGoesOn() throws InterruptedException {
        FakeSocketPort.FakeConnection connection = connect(Dispatch.direct());
        tape.failAtFrameEnd = new IllegalStateException("flush failed");

        connection.pushLines("lv2_600519=09:30:00.000,1,10.00,100");
        connection.pushLines("lv2_600519=09:30:01.000,2,10.00,100");

        assertThat(tape.await(4)).containsExactly("trade 1", "frame end", "trade 2", "frame end");
        assertThat(client.stats().listenerFailures()).isEqualTo(2);
    }
}
