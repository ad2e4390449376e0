package io.jvq.transport.vertx;

import io.jvq.core.Redaction;

import java.io.IOException;

/** Turns Vert.x's exceptions into ones that say what jvq was doing, never showing a token. */
final class Failures {
    private Failures() {
    }

    /** {@code what: <cause's message>}, with the cause attached only when its text is token-free. */
    static IOException io(String what, Throwable cause) {
        return new IOException(what + ": " + message(cause), safe(cause));
    }

    /** The cause's message (or its type when it has none), with any {@code token=} value hidden. */
    static String message(Throwable cause) {
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : Redaction.redact(text);
    }

    /**
     * The cause itself, or, should its message show a {@code token=} value, a stand-in with the
     * redacted message and the same stack trace, so a logged stack trace cannot leak the token.
     */
    static Throwable safe(Throwable cause) {
        String text = cause.getMessage();
        if (text == null || Redaction.redact(text).equals(text)) {
            return cause;
        }
        IOException standIn = new IOException(cause.getClass().getName() + ": " + Redaction.redact(text));
        standIn.setStackTrace(cause.getStackTrace());
        return standIn;
    }
}
