package io.jvq.core.event;

import java.util.Objects;

/** A text frame from the server (a command reply), passed on verbatim. */
public record ServerText(String text) implements JvqEvent {
    public ServerText {
        Objects.requireNonNull(text, "text");
    }
}
