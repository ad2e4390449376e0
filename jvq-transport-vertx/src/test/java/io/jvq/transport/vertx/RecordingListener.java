package io.jvq.transport.vertx;

import io.jvq.core.port.SocketListener;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes down every callback, on which thread, and any breach of the SocketListener contract. */
class RecordingListener implements SocketListener {

    sealed interface Event permits Text, Binary, Pong, Closed, Failed {
    }

    record Text(String text) implements Event {
    }

    /** A copy of the bytes, and whether the adapter handed over a heap view (no copy needed to inflate). */
    record Binary(byte[] bytes, boolean hasArray) implements Event {
    }

    record Pong() implements Event {
    }

    record Closed(int code, String reason) implements Event {
    }

    record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> all = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inCall = new AtomicInteger();
    private final AtomicInteger terminals = new AtomicInteger();

    @Override
    public void onText(String text) {
        record(new Text(text), false);
    }

    @Override
    public void onBinary(ByteBuffer message) {
        byte[] copy = new byte[message.remaining()];
        message.duplicate().get(copy);
        record(new Binary(copy, message.hasArray()), false);
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
        if (inCall.incrementAndGet() != 1) {
            violations.add("overlapping call: " + event);
        }
        try {
            threads.add(Thread.currentThread().getName());
            if (terminals.get() > 0) {
                violations.add("call after the terminal one: " + event);
            }
            if (terminal) {
                terminals.incrementAndGet();
            }
            all.add(event);
            events.add(event);
        } finally {
            inCall.decrementAndGet();
        }
    }

    /** The next event, waiting up to 30 s. */
    Event next() throws InterruptedException {
        return next(Duration.ofSeconds(30));
    }

    Event next(Duration wait) throws InterruptedException {
        Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no callback within " + wait + "; so far: " + all);
        }
        return event;
    }

    <T extends Event> T next(Class<T> type) throws InterruptedException {
        Event event = next();
        if (!type.isInstance(event)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + event + "; so far: " + all);
        }
        return type.cast(event);
    }

    int terminalCount() {
        return terminals.get();
    }

    List<Event> all() {
        return new ArrayList<>(all);
    }
}
