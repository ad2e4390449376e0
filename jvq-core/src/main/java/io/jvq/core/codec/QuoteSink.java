// interim: replaced by the codec branch
package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;

/** Receives what a {@link FrameDecoder} finds in a frame. Views are only valid during the call. */
public interface QuoteSink {
    void onLevel1(Level1View q);

    void onTrade(TradeView t);

    void onLevel10(Level10View b);

    void onError(DecodeError e);
}
