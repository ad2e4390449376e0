package io.jvq.core.event;

import io.jvq.core.QuoteLevel;

import java.util.Objects;

/**
 * Something in the feed the grammar tolerates but does not document, such as a record with
 * more fields than documented: the record was delivered (the extra trailing fields ignored),
 * and this says so once per connection and record kind, with the first such line as an example.
 * Not an error: nothing was lost.
 *
 * @param level   the record kind the notice is about
 * @param code    the example line's code as received, e.g. {@code lv1_600519}
 * @param excerpt the example line, cut to at most {@link DecodeError#MAX_EXCERPT} characters
 * @param notice  what was tolerated, for people
 */
public record DecodeNotice(QuoteLevel level, String code, String excerpt, String notice) implements JvqEvent {
    public DecodeNotice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(notice, "notice");
    }
}
