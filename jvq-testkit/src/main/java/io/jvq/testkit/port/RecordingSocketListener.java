package io.jvq.testkit.port;

import io.jvq.core.port.SocketListener;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Records what a {@link io.jvq.core.port.SocketPort} adapter reports for one connection, and checks
 * the listener contract while doing so: no overlapping calls, nothing after the one terminal callback.
 */
public class RecordingSocketListener implements SocketListener {
    public sealed interface Event permits Text, Binary, Pong, Closed, Failed {
    }

    public record Text(String text) implements Event {
    }

    /** A copy of the bytes, and whether the adapter handed over a heap buffer (which an Inflater reads without a copy). */
    public record Binary(byte[] bytes, boolean hasArray) implements Event {
    }

    public record Pong() implements Event {
    }

    public record Closed(int code, String reason) implements Event {
    }

    public record Failed(Throwable error) implements Event {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();
    public final List<String> threadNames = new CopyOnWriteArrayList<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();

    /** Runs inside {@link #onText}, after the text is recorded (so a call overlapping it is detected). */
    public volatile Consumer<String> onTextHook = text -> {
    };

    @Override
    public void onText(String text) {
        record(new Text(text), false, () -> onTextHook.accept(text));
    }

    @Override
    public void onBinary(ByteBuffer message) {
        boolean hasArray = message.hasArray();
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        record(new Binary(bytes, hasArray), false);
    }

    @Override
    public void onPong() {
        record(new Pong(), false);
    }

    @Override
    public void onClose(int code, String reason) {
        record(new Closed(code, reason), true);
    }

    @Override
    public void onError(Throwable error) {
        record(new Failed(error), true);
    }

    private void record(Event event, boolean terminal) {
        record(event, terminal, () -> {
        });
    }

    private void record(Event event, boolean terminal, Runnable then) {
        if (inFlight.incrementAndGet() != 1) {
            violations.add("overlapping call: " + event);
        }
        if (terminals.get() > 0) {
            violations.add("call after the terminal callback: " + event);
        }
        if (terminal) {
            terminals.incrementAndGet();
        }
        threadNames.add(Thread.currentThread().getName());
        events.add(event);
        try {
            then.run();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The next event, whatever it is. */
    public Event next() {
        Event event = poll(WAIT);
        if (event == null) {
            fail("no event within " + WAIT);
        }
        return event;
    }

    /** The next event, which must be of {@code type}. */
    public <T extends Event> T next(Class<T> type) {
        Event event = poll(WAIT);
        if (event == null) {
            fail("no " + type.getSimpleName() + " within " + WAIT);
        }
        return assertInstanceOf(type, event);
    }

    /** Skips messages up to the terminal event and returns it. */
    public Event terminal() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (event instanceof Closed || event instanceof Failed) {
                return event;
            }
        }
        return fail("no onClose/onError within " + WAIT);
    }

    /** Nothing more arrives within {@code quiet}, and the contract held throughout. */
    public void assertQuietFor(Duration quiet) {
        Event extra = poll(quiet);
        assertNull(extra, "event after the end");
        assertContractHeld();
    }

    public void assertContractHeld() {
        assertEquals(List.of(), violations, "listener contract violations");
        assertTrue(terminals.get() <= 1, "more than one terminal callback: " + terminals.get());
    }

    public int terminalCount() {
        return terminals.get();
    }

    private Event poll(Duration timeout) {
        try {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
