package io.jvq.kafka;

/**
 * A bridge's counters, as of one moment.
 *
 * @param received  quotes the bridge was given by the client
 * @param published quotes Kafka acknowledged
 * @param dropped   quotes dropped because the buffer toward Kafka stayed full ({@link Backpressure}),
 *                  given after close, or still buffered when close timed out
 * @param failed    quotes Kafka did not take: the producer refused them ({@code send} threw), or
 *                  reported an error after its retries and timeouts; each is dropped, not retried
 * @param buffered  quotes waiting in the bridge's buffer now
 * @param inFlight  quotes handed to the producer and not yet acknowledged or failed
 * @param state     whether quotes are getting through
 * @param lastError the last failure's exception class and message (Kafka's, never a configured
 *                  secret), or null when none failed
 */
public record BridgeStats(long received, long published, long dropped, long failed, int buffered, long inFlight,
                          State state, String lastError) {

    public enum State {
        /** The last quote the sender handed over was taken (or none was yet). */
        RUNNING,
        /** The last quote failed: Kafka is down or refusing; the sender carries on with the next ones. */
        FAILING,
        /** The sender thread died of an {@code Error}: quotes are dropped and counted until close. */
        STOPPED,
        /** Closed. */
        CLOSED
    }
}
