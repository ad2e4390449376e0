package io.jvq.kafka;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link KafkaQuoteSource} starts reading. With a consumer group, each applies only to
 * partitions the group has no committed offset for: the others resume where the group stopped,
 * so a restarted or rebalanced member of a group started {@link #at} a time does not replay from
 * it again. Without a group, the source starts there every time it is started.
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
