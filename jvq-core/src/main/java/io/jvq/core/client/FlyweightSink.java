package io.jvq.core.client;

import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;

import java.util.function.BiConsumer;

/**
 * The zero-allocation path: hands the decoder's views straight to the user's {@link QuoteSink}
 * on the reader thread, counting what it delivers. A sink that throws does not break the
 * connection: only then is the record turned into an event, for the {@code ListenerFailure} report.
 */
final class FlyweightSink implements QuoteSink {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());

    private final QuoteSink user;
    private final StatsCounters stats;
    private final BiConsumer<JvqEvent, Throwable> failureReport;

    /** @param failureReport told of the record that made the sink throw, and the error */
    FlyweightSink(QuoteSink user, StatsCounters stats, BiConsumer<JvqEvent, Throwable> failureReport) {
        this.user = user;
        this.stats = stats;
        this.failureReport = failureReport;
    }

    @Override
    public void onLevel1(Level1View quote) {
        stats.quoteEvents.increment();
        try {
            user.onLevel1(quote);
        } catch (RuntimeException error) {
            fail(quote.toEvent(), error);
        }
    }

    @Override
    public void onTrade(TradeView trade) {
        stats.quoteEvents.increment();
        try {
            user.onTrade(trade);
        } catch (RuntimeException error) {
            fail(trade.toEvent(), error);
        }
    }

    @Override
    public void onLevel10(Level10View book) {
        stats.quoteEvents.increment();
        try {
            user.onLevel10(book);
        } catch (RuntimeException error) {
            fail(book.toEvent(), error);
        }
    }

    @Override
    public void onError(DecodeError error) {
        try {
            user.onError(error);
        } catch (RuntimeException thrown) {
            fail(error, thrown);
        }
    }

    @Override
    public void onNotice(DecodeNotice notice) {
        try {
            user.onNotice(notice);
        } catch (RuntimeException thrown) {
            fail(notice, thrown);
        }
    }

    @Override
    public void onConnected(long connectionNumber, String server) {
        try {
            user.onConnected(connectionNumber, server);
        } catch (RuntimeException thrown) {
            stats.listenerFailures.increment();
            LOG.log(System.Logger.Level.WARNING, "quote sink threw on a new connection", thrown);
        }
    }

    @Override
    public void onFrameEnd() {
        try {
            user.onFrameEnd();
        } catch (RuntimeException thrown) {
            stats.listenerFailures.increment();
            // no record to report it with: the failure is logged, and the feed goes on
            LOG.log(System.Logger.Level.WARNING, "quote sink threw at the end of a frame", thrown);
        }
    }

    private void fail(JvqEvent event, RuntimeException error) {
        stats.listenerFailures.increment();
        failureReport.accept(event, error);
    }
}
