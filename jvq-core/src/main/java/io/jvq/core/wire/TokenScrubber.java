package io.jvq.core.wire;

import io.jvq.core.Redaction;
import io.jvq.core.Token;
import org.jetbrains.annotations.Contract;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the token out of anything a transport reports. Frameworks put the URI they were given
 * into their own exception messages ("Connection to 'ws://…?token=…' failed"), sometimes decoded,
 * sometimes without the {@code token=} in front; every message and every exception a transport
 * passes on goes through here first.
 */
public final class TokenScrubber {
    /** {@link Redaction#MIN_BARE_LENGTH}: shorter bare values are hidden only as whole values. */
    public static final int MIN_BARE_LENGTH = Redaction.MIN_BARE_LENGTH;

    private final Set<String> values;

    private TokenScrubber(Set<String> values) {
        this.values = values;
    }

    /** The {@code token} query values of {@code uri}, both as sent and decoded. */
    public static TokenScrubber of(URI uri) {
        Set<String> values = new LinkedHashSet<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (int start = 0; start <= query.length(); ) {
                int end = query.indexOf('&', start);
                if (end < 0) {
                    end = query.length();
                }
                if (query.startsWith("token=", start) && end > start + "token=".length()) {
                    String raw = query.substring(start + "token=".length(), end);
                    values.add(raw);
                    values.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                }
                start = end + 1;
            }
        }
        return new TokenScrubber(Set.copyOf(values));
    }

    /** {@code token} itself, bare or as {@code token=…}. */
    public static TokenScrubber of(Token token) {
        return new TokenScrubber(Set.of(token.reveal()));
    }

    /**
     * {@code text} with every {@code token=…} and every bare token value shown as {@code ***}, by
     * {@link Redaction#redact(String, String)}'s rule (a short value only as a whole value).
     */
    @Contract("null -> null; !null -> !null")
    public @Nullable String scrub(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String out = Redaction.redact(text);
        for (String value : values) {
            out = Redaction.redact(out, value);
        }
        return out;
    }

    /** The error's message, or its type when it has none, scrubbed. */
    public String message(Throwable error) {
        String text = error.getMessage();
        return text == null || text.isBlank() ? error.getClass().getSimpleName() : scrub(text);
    }

    /** {@code what: <cause's message>}, with the cause attached only once token-free: for a transport's own errors. */
    public IOException io(String what, Throwable cause) {
        return new IOException(what + ": " + message(cause), scrubbed(cause));
    }

    /** True when {@code error} or one of its causes mentions a token in its text. */
    public boolean leakIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.toString();
            if (!text.equals(scrub(text))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code error} itself when no message in its chain holds a token; otherwise a copy of the
     * chain in which every message is scrubbed (types kept by name, stack traces as they were).
     */
    @Contract("null -> null; !null -> !null")
    public @Nullable Throwable scrubbed(@Nullable Throwable error) {
        if (error == null || !leakIn(error)) {
            return error;
        }
        return ScrubbedException.copyOf(error, this);
    }
}
