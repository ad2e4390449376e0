package io.jvq.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time a capture's entry was received: the header's {@code recordedAt} plus the entry's
 * {@code t}. Given to the candle aggregator as its wall clock when decoding, for the date and to
 * bound trade times, as the live wall clock would have.
 */
final class CaptureClock extends Clock {
    private final long recordedAt;
    private long millis;

    CaptureClock(Instant recordedAt) {
        this.recordedAt = recordedAt.toEpochMilli();
        this.millis = this.recordedAt;
    }

    /** The entry being decoded is {@code t} ms into the capture. */
    void at(long t) {
        millis = recordedAt + t;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a capture's clock is in UTC");
    }
}
