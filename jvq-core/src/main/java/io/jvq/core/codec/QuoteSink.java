package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;

/**
 * Receives what a frame decodes to, in wire order: the zero-allocation (flyweight) path.
 * The views are reused for the next record: read them, or call {@code toEvent()}, inside the
 * callback and do not keep them. An exception thrown here propagates to the caller of
 * {@link FrameDecoder#decode} or {@link QuoteParser#parse}, and the rest of that frame is not delivered.
 */
public interface QuoteSink {
    void onLevel1(Level1View quote);

    void onTrade(TradeView trade);

    void onLevel10(Level10View book);

    void onError(DecodeError error);

    /**
     * Something tolerated but undocumented (extra trailing fields), said once per parser (that is,
     * per connection) and record kind; the record itself was delivered. Ignored by default.
     */
    default void onNotice(DecodeNotice notice) {
    }

    /**
     * The frame whose records were just delivered has ended: called once per binary frame, after
     * its last record (or decode error), on the thread that delivered them, so that a sink that
     * batches (a buffered writer, a batch of inserts) can flush once per frame rather than per
     * record. The client calls it; {@link FrameDecoder#decode} alone does not. Ignored by default.
     */
    default void onFrameEnd() {
    }

    /**
     * A new connection's records follow: until the next call, what this sink receives came on the
     * client's connection number {@code connectionNumber} (1 for its first, then 2, 3, … one per
     * connection gone live) to {@code server} ({@code host:port}). The client calls it on the reader
     * thread, before it delivers the connection's first record, so a sink that numbers records per
     * connection (the Kafka bridge's headers) needs no listener; {@link FrameDecoder#decode} alone does
     * not. A connection that ends before sending a quote frame may go unannounced. Ignored by default.
     */
    default void onConnected(long connectionNumber, String server) {
    }
}
