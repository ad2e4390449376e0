// interim: replaced by the codec branch
package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;

import java.util.Objects;
import java.util.function.Consumer;

/** Turns decoded views into immutable events for a consumer. */
public final class EventSink implements QuoteSink {
    private final Consumer<? super JvqEvent> downstream;

    public EventSink(Consumer<? super JvqEvent> downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void onLevel1(Level1View q) {
        throw new UnsupportedOperationException("the interim codec does not convert level-1 views");
    }

    @Override
    public void onTrade(TradeView t) {
        downstream.accept(new Level2Trade(t.code(), t.timeOfDayMillis(), t.tradeId(), t.price(), t.quantity()));
    }

    @Override
    public void onLevel10(Level10View b) {
        throw new UnsupportedOperationException("the interim codec does not convert level-10 views");
    }

    @Override
    public void onError(DecodeError e) {
        downstream.accept(e);
    }
}
