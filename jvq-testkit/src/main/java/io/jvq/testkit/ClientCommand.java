package io.jvq.testkit;

import java.util.Objects;

/**
 * A text frame a client sent to the fake, as received.
 *
 * @param connectionId which connection sent it (1, 2, … in order of acceptance)
 * @param text         the frame's text, e.g. {@code all=lv1_600519}
 */
public record ClientCommand(int connectionId, String text) {
    public ClientCommand {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "#" + connectionId + " " + text;
    }
}
