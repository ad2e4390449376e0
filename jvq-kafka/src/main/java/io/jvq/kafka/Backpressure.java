package io.jvq.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * What a bridge does with a quote when its buffer toward Kafka is full (Kafka slow or down).
 * The buffer holds at most {@link KafkaQuoteBridge.Builder#bufferRecords} records, so memory
 * stays bounded under either policy; the Kafka producer's own buffer is bounded by its
 * {@code buffer.memory}.
 */
public sealed interface Backpressure {

    /**
     * Blocks the connection's reader thread for up to {@code maxWait} per quote until there is
     * room: jvQuant then sees TCP push back, and nothing is lost for short stalls. A quote still
     * without room after {@code maxWait} is dropped and counted. The default, with 5 seconds.
     */
    static Backpressure block(Duration maxWait) {
        return new Block(maxWait);
    }

    /** Never blocks the reader: a quote that finds the buffer full is dropped and counted. */
    static Backpressure drop() {
        return new Drop();
    }

    record Block(Duration maxWait) implements Backpressure {
        public Block {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
            }
        }
    }

    record Drop() implements Backpressure {
    }
}
