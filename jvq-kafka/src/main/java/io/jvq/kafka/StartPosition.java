package io.jvq.kafka;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link KafkaQuoteSource} starts reading. With a consumer group that has committed
 * offsets, {@link #earliest()} and {@link #latest()} give way to them (the group resumes where it
 * stopped); {@link #at} always starts at the given time.
 */
public sealed interface StartPosition {

    /** The oldest quotes the topics still hold. */
    static StartPosition earliest() {
        return new Earliest();
    }

    /** Only quotes published from now on (the default). */
    static StartPosition latest() {
        return new Latest();
    }

    /** Quotes the bridge received at {@code time} or later, e.g. today at 09:15 to replay the morning. */
    static StartPosition at(Instant time) {
        return new At(time);
    }

    record Earliest() implements StartPosition {
    }

    record Latest() implements StartPosition {
    }

    record At(Instant time) implements StartPosition {
        public At {
            Objects.requireNonNull(time, "time");
        }
    }
}
