package io.jvq.core.client;

import io.jvq.core.event.DecodeError;

import java.util.Locale;

/** What a {@link DecodeError} cost: a whole frame (or its tail), or one line of it. */
public enum DecodeErrorKind {
    /** The frame did not inflate, inflated past the cap, was empty or lost its tail. */
    FRAME,
    /** One line could not be parsed; the rest of its frame was delivered. */
    LINE;

    public static DecodeErrorKind of(DecodeError error) {
        return error.frameLevel() ? FRAME : LINE;
    }

    /** The lower-case name, for metric tags: {@code frame}, {@code line}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
