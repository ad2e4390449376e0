package io.jvq.transport.tyrus;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Records what a socket adapter reports, and checks the listener contract while doing so. */
final class RecordingSocketListener implements SocketListener {
    sealed interface Event permits Text, Binary, Pong, Closed, Failed {
    }

    record Text(String text) implements Event {
    }

    record Binary(byte[] bytes) implements Event {
    }

    record Pong() implements Event {
    }

    record Closed(int code, String reason) implements Event {
    }

    record Failed(Throwable error) implements Event {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();
    final List<String> threadNames = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();

    /** Runs inside {@link #onText}, after the text is recorded (so a call overlapping it is detected). */
    volatile Consumer<String> onTextHook = text -> {
    };

    @Override
    public void onText(String text) {
        record(new Text(text), false, () -> onTextHook.accept(text));
    }

    @Override
    public void onBinary(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        record(new Binary(bytes), false);
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

    /** The next event, which must be of {@code type}. */
    <T extends Event> T next(Class<T> type) {
        Event event = poll(WAIT);
        if (event == null) {
            fail("no " + type.getSimpleName() + " within " + WAIT);
        }
        assertThat(event).isInstanceOf(type);
        return type.cast(event);
    }

    /** Skips messages up to the terminal event and returns it. */
    Event terminal() {
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
    void assertQuietFor(Duration quiet) {
        Event extra = poll(quiet);
        assertThat(extra).as("event after the end").isNull();
        assertContractHeld();
    }

    void assertContractHeld() {
        assertThat(violations).isEmpty();
        assertThat(terminals.get()).as("terminal callbacks").isLessThanOrEqualTo(1);
    }

    int terminalCount() {
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
