package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;

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
}
