package io.jvq.core.wire;

import org.jspecify.annotations.Nullable;

import java.io.IOException;

/**
 * Stands in for an exception whose message held the token: same type name, same stack trace,
 * message scrubbed. {@link #toString()} reads like the original ({@code org.x.SomeException: …}).
 */
public final class ScrubbedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String originalType;

    private ScrubbedException(String originalType, @Nullable String message, @Nullable Throwable cause) {
        super(message, cause);
        this.originalType = originalType;
    }

    static ScrubbedException copyOf(Throwable error, TokenScrubber scrubber) {
        Throwable cause = error.getCause();
        Throwable scrubbedCause = cause == null || cause == error ? null : copyOf(cause, scrubber);
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(),
                scrubber.scrub(error.getMessage()), scrubbedCause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** The class name of the exception this one replaces. */
    public String originalType() {
        return originalType;
    }

    // It prints as the exception it replaces, "<original type>: <message>", which getMessage() cannot say.
    @SuppressWarnings("OverrideThrowableToString")
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalType : originalType + ": " + message;
    }
}
