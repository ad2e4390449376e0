package io.jvq.core;

import org.jspecify.annotations.Nullable;

/** Hides {@code token=…} query values in URLs and messages before they reach a log or an error. */
public final class Redaction {
    private Redaction() {
    }

    /** Rewrites every {@code token=<value>} (up to {@code &}, {@code #}, a blank or a quote) as {@code token=***}. */
    public static @Nullable String redact(@Nullable String text) {
        if (text == null) {
            return null;
        }
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
