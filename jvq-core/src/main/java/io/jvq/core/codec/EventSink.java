package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The record path: turns each view into its immutable event and hands it, and each error, downstream;
 * the end of a frame goes to {@code frameEnd}.
 */
public final class EventSink implements QuoteSink {
    private final Consumer<? super JvqEvent> downstream;
    private final Runnable frameEnd;

    public EventSink(Consumer<? super JvqEvent> downstream) {
        this(downstream, () -> { });
    }

    public EventSink(Consumer<? super JvqEvent> downstream, Runnable frameEnd) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.frameEnd = Objects.requireNonNull(frameEnd, "frameEnd");
    }

    @Override
    public void onLevel1(Level1View quote) {
        downstream.accept(quote.toEvent());
    }

    @Override
    public void onTrade(TradeView trade) {
        downstream.accept(trade.toEvent());
    }

    @Override
    public void onLevel10(Level10View book) {
        downstream.accept(book.toEvent());
    }

    @Override
    public void onError(DecodeError error) {
        downstream.accept(error);
    }

    @Override
    public void onNotice(DecodeNotice notice) {
        downstream.accept(notice);
    }

    @Override
    public void onFrameEnd() {
        frameEnd.run();
    }
}
