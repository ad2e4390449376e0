package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;

/** Tells {@link FeedMetrics} of each decoded record and error, then passes it on unchanged. */
final class MeteredSink implements QuoteSink {
    private final QuoteSink downstream;
    private final FeedMetrics metrics;

    MeteredSink(QuoteSink downstream, FeedMetrics metrics) {
        this.downstream = downstream;
        this.metrics = metrics;
    }

    @Override
    public void onLevel1(Level1View quote) {
        metrics.record(QuoteLevel.LV1, quote.timeOfDayMillis());
        downstream.onLevel1(quote);
    }

    @Override
    public void onTrade(TradeView trade) {
        metrics.record(QuoteLevel.LV2, trade.timeOfDayMillis());
        downstream.onTrade(trade);
    }

    @Override
    public void onLevel10(Level10View book) {
        metrics.record(QuoteLevel.LV10, book.timeOfDayMillis());
        downstream.onLevel10(book);
    }

    @Override
    public void onError(DecodeError error) {
        metrics.decodeError(error);
        downstream.onError(error);
    }

    @Override
    public void onNotice(DecodeNotice notice) {
        downstream.onNotice(notice);
    }
}
