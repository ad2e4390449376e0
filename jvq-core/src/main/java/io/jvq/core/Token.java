package io.jvq.core;

import org.jetbrains.annotations.Contract;
import org.jspecify.annotations.Nullable;

/**
 * The user's jvQuant token: a secret. {@link #toString()} never shows it; only the code that
 * builds a request URL calls {@link #reveal()}.
 */
public final class Token {
    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /**
     * The token whose value is {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} is null or blank, with a message that says
     *                                  where a token comes from (never the value itself)
     */
    public static Token of(@Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("the jvQuant token is missing (null): pass the token of your jvQuant"
                    + " account (jvQuant.com), e.g. ClientOptions.builder(System.getenv(\"JVQ_TOKEN\")) with the"
                    + " JVQ_TOKEN environment variable set; against the fake server (jvq serve) any token will do");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("the jvQuant token is blank: pass the token of your jvQuant account"
                    + " (jvQuant.com); if it comes from System.getenv(\"JVQ_TOKEN\"), JVQ_TOKEN is set but empty");
        }
        return new Token(value);
    }

    /** The secret itself: for building request URLs only, never for logs or messages. */
    public String reveal() {
        return value;
    }

    /**
     * {@code text} with this token and every {@code token=…} value shown as {@code ***}; a token
     * shorter than {@link Redaction#MIN_BARE_LENGTH} only where it stands as a whole value (see
     * {@link Redaction#redact(String, String)}), so that it does not mangle the words it occurs in.
     */
    @Contract("null -> null; !null -> !null")
    public @Nullable String redact(@Nullable String text) {
        return Redaction.redact(text, value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
