package io.jvq.core.client;

import io.jvq.core.Token;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Failures as text for people: the real cause, not its future's wrapper, with the token redacted; a close code once. */
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

    /** {@code " (close code N)"} when there was a close code the reason does not already give. */
    static String closeCode(int closeCode, String reason) {
        return closeCode < 0 || reason.contains("(" + closeCode + ")") ? "" : " (close code " + closeCode + ")";
    }
}
