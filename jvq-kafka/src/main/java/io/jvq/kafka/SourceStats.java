package io.jvq.kafka;

/**
 * A source's counters, as of one moment.
 *
 * @param records      Kafka records read for the source's codes
 * @param delivered    quotes delivered to the listener or sink
 * @param duplicates   level-2 trades skipped as already delivered (same code and day, trade id not above the last)
 * @param decodeErrors values that did not decode, delivered as {@code DecodeError}s
 */
public record SourceStats(long records, long delivered, long duplicates, long decodeErrors) {
}
