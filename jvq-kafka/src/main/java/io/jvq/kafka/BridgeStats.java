package io.jvq.kafka;

/**
 * A bridge's counters, as of one moment.
 *
 * @param received  quotes the bridge was given by the client
 * @param published quotes Kafka acknowledged
 * @param dropped   quotes dropped because the buffer toward Kafka stayed full ({@link Backpressure})
 * @param failed    quotes Kafka did not take (an error after the producer's retries and timeouts)
 * @param buffered  quotes waiting in the bridge's buffer now
 * @param inFlight  quotes handed to the producer and not yet acknowledged or failed
 */
public record BridgeStats(long received, long published, long dropped, long failed, int buffered, long inFlight) {
}
