package io.jvq.transport.tyrus;

import io.jvq.core.Redaction;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The token values carried by one request URI, and the means to keep them out of messages.
 * Frameworks put the URI they were given into their own exception messages
 * ("Connection to 'ws://…?token=…' failed"); everything this adapter reports passes through here.
 */
final class Secrets {
    /**
     * Bare values shorter than this are not searched for: replacing "x" everywhere would mangle
     * every message, and a token that short only appears as {@code token=…}, which is always redacted.
     */
    static final int MIN_BARE_LENGTH = 6;

    private final Set<String> values;

    private Secrets(Set<String> values) {
        this.values = values;
    }

    /** The {@code token} query values of {@code uri}, both as sent and decoded. */
    static Secrets of(URI uri) {
        Set<String> values = new LinkedHashSet<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=") && pair.length() > "token=".length()) {
                    String raw = pair.substring("token=".length());
                    values.add(raw);
                    values.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                }
            }
        }
        values.removeIf(value -> value.length() < MIN_BARE_LENGTH);
        return new Secrets(Set.copyOf(values));
    }

    /** {@code text} with every {@code token=…} and every bare token value shown as {@code ***}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = Redaction.redact(text);
        for (String value : values) {
            out = out.replace(value, "***");
        }
        return out;
    }

    /** True when {@code error} or one of its causes mentions a token in its message. */
    boolean leakIn(Throwable error) {
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
     * chain in which every message is scrubbed (types are kept by name, stack traces as they were).
     */
    Throwable scrubbed(Throwable error) {
        if (error == null || !leakIn(error)) {
            return error;
        }
        return ScrubbedException.copyOf(error, this);
    }
}
