package io.jvq.core.client;

/**
 * A snapshot of a client's counters since it was built.
 *
 * @param connections       connections that opened and were subscribed
 * @param reconnects        reconnect attempts scheduled, one per {@code ReconnectScheduled} event: one when a
 *                          connection is lost and one more for every attempt that fails (discovery or connect)
 *                          before the next connection opens. One outage during which two attempts failed
 *                          counts 3 (the loss, then two failures); it is not the number of reconnections,
 *                          which is {@code connections - 1} for a client that never stopped
 * @param framesReceived    binary frames received
 * @param bytesReceived     compressed bytes of those frames
 * @param quoteEvents       quotes and trades delivered to the listener
 * @param decodeErrors      bad lines and bad frames found
 * @param listenerFailures  events the listener threw on
 * @param discoveryFailures discovery calls that failed or were refused
 * @param droppedEvents     feed events a {@link Dispatch#bounded bounded hand-off} dropped because its queue was full
 * @param peakQueuedEvents  the most feed events the bounded hand-off ever held at once (never above its
 *                          capacity); 0 with {@link Dispatch#direct()}
 * @param extraFieldRecords records delivered although they had more fields than documented (the extra
 *                          trailing ones ignored; a {@code DecodeNotice} says so once per connection and kind)
 * @param undeliveredRecords quotes of a frame that were not delivered because their connection ended
 *                          while the frame was being decoded (an abort, a close, the client closed)
 * @param undeliveredFrames frames that arrived on a connection after it had ended, not decoded
 * @param lateReplies       {@code list} replies dropped because their caller had already given up (timed out or
 *                          cancelled): never handed to a later {@code list} (docs/PROTOCOL.md §4)
 */
public record ClientStats(long connections, long reconnects, long framesReceived, long bytesReceived,
                          long quoteEvents, long decodeErrors, long listenerFailures, long discoveryFailures,
                          long droppedEvents, long peakQueuedEvents, long extraFieldRecords,
                          long undeliveredRecords, long undeliveredFrames, long lateReplies) {
}
