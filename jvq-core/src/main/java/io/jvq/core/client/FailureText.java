package io.jvq.core.client;

import io.jvq.core.Token;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failure as text for people: the real cause, not its future's wrapper, with the token redacted. */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable error, Token token) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return token.redact(text);
    }
}
