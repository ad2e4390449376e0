package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * The texts of {@link DecodeError}s and notices: excerpts of the received bytes and the reasons, which
 * name fields by number and by their {@link RecordLayout} name. Only called off the good path.
 */
final class ErrorText {
    private ErrorText() {
    }

    /** {@code field 5 (volume)}: 1-based, as a reader counts. */
    static String field(RecordLayout layout, int position) {
        return "field " + (position + 1) + " (" + layout.name(position) + ")";
    }

    /** {@code expected 26 comma-separated fields, got 4: field 5 (volume) and later are missing}. */
    static String missingFields(RecordLayout layout, int got) {
        String missing = got < layout.size() ? ": " + field(layout, got) + " and later are missing" : "";
        return "expected " + layout.size() + " comma-separated fields, got " + got + missing;
    }

    /** Why a code the fast path did not take is bad, or null when {@link SubscriptionCode#parse} accepts it after all. */
    static @Nullable String badCodeReason(String received) {
        try {
            SubscriptionCode.parse(received);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static String excerpt(byte[] buf, int from, int to) {
        return text(buf, from, to, DecodeError.MAX_EXCERPT);
    }

    /** UTF-8 text of {@code buf[from, to)}, cut to {@code maxChars} characters (never inside a surrogate pair). */
    static String text(byte[] buf, int from, int to, int maxChars) {
        String s = new String(buf, from, Math.min(to - from, maxChars * 4), StandardCharsets.UTF_8);
        if (s.length() <= maxChars) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return s.substring(0, cut);
    }
}
