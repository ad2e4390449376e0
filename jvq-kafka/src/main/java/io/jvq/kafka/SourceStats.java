package io.jvq.kafka;

/**
 * A source's counters, as of one moment.
 *
 * @param records      Kafka records read for the source's codes
 * @param delivered    quotes delivered to the listener or sink
 * @param duplicates   level-2 trades skipped as already delivered (same code, day and trade id)
 * @param decodeErrors values that did not decode, delivered as {@code DecodeError}s
 * @param unchecked    level-2 trades delivered without a duplicate check: their id was below the
 *                     ids remembered for the code ({@link KafkaQuoteSource.Builder#tradeWindow}), or
 *                     of a day before the code's latest; included in {@code delivered}
 */
public record SourceStats(long records, long delivered, long duplicates, long decodeErrors, long unchecked) {
}
