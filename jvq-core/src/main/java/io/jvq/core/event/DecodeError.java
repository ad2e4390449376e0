package io.jvq.core.event;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * Something received that could not be decoded: a bad line (the rest of its frame is still
 * delivered), a frame that does not inflate, or one that inflates past the cap.
 *
 * @param code    the line's code as received (e.g. {@code lv2_600519}), or {@code null} when
 *                the whole frame failed or the line has no readable code
 * @param excerpt the raw line, cut to at most {@link #MAX_EXCERPT} characters; empty for frame errors
 * @param reason  what was wrong, for people
 */
public record DecodeError(@Nullable String code, String excerpt, String reason) implements JvqEvent {
    /** Longest excerpt of a bad line kept in a report. */
    public static final int MAX_EXCERPT = 200;

    public DecodeError {
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the whole frame was skipped (did not inflate, or was over the cap). */
    public boolean frameLevel() {
        return code == null && excerpt.isEmpty();
    }
}
