package io.jvq.core;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The user's jvQuant token: a secret. {@link #toString()} never shows it; only the code that
 * builds a request URL calls {@link #reveal()}.
 */
public final class Token {
    private final String value;

    private Token(String value) {
        this.value = value;
    }

    public static Token of(String value) {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token is blank");
        }
        return new Token(value);
    }

    /** The secret itself: for building request URLs only, never for logs or messages. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this token in {@code text} with {@code ***}. */
    public @Nullable String redact(@Nullable String text) {
        return text == null ? null : Redaction.redact(text.replace(value, "***"));
    }

    @Override
    public String toString() {
        return "***";
    }
}
