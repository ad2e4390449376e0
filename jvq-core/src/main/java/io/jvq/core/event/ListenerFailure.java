package io.jvq.core.event;

import java.util.Objects;

/**
 * The listener threw while handling {@code event}. The connection carries on; this report is
 * delivered to the same listener (and only logged if that throws too).
 */
public record ListenerFailure(JvqEvent event, Throwable error) implements JvqEvent {
    public ListenerFailure {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(error, "error");
    }
}
