package io.jvq.bench;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;

import java.util.function.Consumer;

/**
 * The record path's downstream: every event escapes (into a JMH Blackhole, or a field), as it would
 * to a listener, so its allocation is real. A decode error fails the benchmark (see {@link FieldReadingSink}).
 */
final class EventCounter implements Consumer<JvqEvent> {
    private final Consumer<Object> escape;
    long events;

    EventCounter(Consumer<Object> escape) {
        this.escape = escape;
    }

    @Override
    public void accept(JvqEvent event) {
        if (event instanceof DecodeError error) {
            throw new IllegalStateException("the benchmark corpus should decode without errors: " + error);
        }
        escape.accept(event);
        events++;
    }
}
