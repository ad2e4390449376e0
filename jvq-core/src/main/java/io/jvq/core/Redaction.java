package io.jvq.core;

import org.jetbrains.annotations.Contract;
import org.jspecify.annotations.Nullable;

/**
 * Hides {@code token=…} query values in URLs and messages before they reach a log or an error, and
 * the token's bare value by one rule shared by {@link Token#redact} and {@code wire.TokenScrubber}:
 * a value of at least {@link #MIN_BARE_LENGTH} characters is hidden wherever it appears; a shorter
 * one only where it stands as a whole value, after {@code token=} or as the whole text.
 */
public final class Redaction {
    /**
     * Bare values shorter than this are hidden only as whole values: replacing "t" everywhere would
     * mangle every message ({@code DiscoveryExcep***ion}), and a token that short reaches a message
     * as {@code token=…}, which is always hidden.
     */
    public static final int MIN_BARE_LENGTH = 6;

    private Redaction() {
    }

    /**
     * {@code text} with every {@code token=…} value and the bare {@code secret} shown as {@code ***}:
     * anywhere when the secret has at least {@link #MIN_BARE_LENGTH} characters, else only when it is
     * the whole text.
     */
    @Contract("null, _ -> null; !null, _ -> !null")
    public static @Nullable String redact(@Nullable String text, String secret) {
        if (text == null) {
            return null;
        }
        if (!secret.isEmpty() && text.equals(secret)) {
            return "***";
        }
        String out = queryValuesHidden(text);
        return secret.length() >= MIN_BARE_LENGTH ? out.replace(secret, "***") : out;
    }

    /** Rewrites every {@code token=<value>} (up to {@code &}, {@code #}, a blank or a quote) as {@code token=***}. */
    @Contract("null -> null; !null -> !null")
    public static @Nullable String redact(@Nullable String text) {
        return text == null ? null : queryValuesHidden(text);
    }

    private static String queryValuesHidden(String text) {
        int at = text.indexOf("token=");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int valueStart = at + "token=".length();
            out.append(text, from, valueStart).append("***");
            int end = valueStart;
            while (end < text.length() && "&# \"'\n\r\t".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            from = end;
            at = text.indexOf("token=", end);
        }
        return out.append(text, from, text.length()).toString();
    }
}
