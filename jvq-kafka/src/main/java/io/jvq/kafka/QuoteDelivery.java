package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands what the parser decoded to the user's sink or listener, on the source's thread: keeps the
 * source's codes, skips trades already delivered, and shields the thread from callbacks that throw
 * an exception (it comes back as {@code onListenerFailure}). An {@code Error} passes through.
 */
final class QuoteDelivery implements QuoteSink {
    // the source's logger, so that one logging setting covers the source and its parts
    private static final System.Logger LOG = System.getLogger(KafkaQuoteSource.class.getName());

    private final Set<SubscriptionCode> codes;
    private final TradeDeduplicator deduplicator;
    private final QuoteListener listener;
    /** The user's sink, or one that turns views into events for the listener. */
    private final QuoteSink downstream;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();

    /** The trading day of the record being decoded. */
    private long recordDay;

    /** With a null {@code sink}, quotes go to {@code listener} as events. */
    QuoteDelivery(Set<SubscriptionCode> codes, int tradeWindow, QuoteListener listener, QuoteSink sink) {
        this.codes = codes;
        this.deduplicator = new TradeDeduplicator(tradeWindow);
        this.listener = listener;
        this.downstream = sink != null ? sink : new EventSink(this::deliver);
    }

    /** The trading day of the record whose quotes come next, for trade de-duplication. */
    void recordDay(long day) {
        this.recordDay = day;
    }

    /** Delivers an event to the listener; a listener that throws hears of it through onListenerFailure. */
    void deliver(JvqEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException error) {
            if (event instanceof ListenerFailure) {
                LOG.log(System.Logger.Level.WARNING, "listener failed on its own failure report", error);
            } else {
                deliver(new ListenerFailure(event, error));
            }
        }
    }

    /** The source's last words: a listener that throws on them is logged, the thread ends anyway. */
    void deliverLast(JvqEvent event) {
        try {
            deliver(event);
        } catch (Error error) {
            LOG.log(System.Logger.Level.ERROR, "listener threw on " + event, error);
        }
    }

    @Override
    public void onLevel1(Level1View quote) {
        if (wanted(quote.code())) {
            delivered.incrementAndGet();
            try {
                downstream.onLevel1(quote);
            } catch (RuntimeException error) {
                deliver(new ListenerFailure(quote.toEvent(), error));
            }
        }
    }

    @Override
    public void onTrade(TradeView trade) {
        if (!wanted(trade.code())) {
            return;
        }
        switch (deduplicator.check(trade.code(), trade.tradeId(), recordDay)) {
            case DUPLICATE -> {
                duplicates.incrementAndGet();
                return;
            }
            case UNCHECKED -> unchecked.incrementAndGet();
            case NEW -> {
            }
        }
        delivered.incrementAndGet();
        try {
            downstream.onTrade(trade);
        } catch (RuntimeException error) {
            deliver(new ListenerFailure(trade.toEvent(), error));
        }
    }

    @Override
    public void onLevel10(Level10View book) {
        if (wanted(book.code())) {
            delivered.incrementAndGet();
            try {
                downstream.onLevel10(book);
            } catch (RuntimeException error) {
                deliver(new ListenerFailure(book.toEvent(), error));
            }
        }
    }

    @Override
    public void onError(DecodeError error) {
        decodeErrors.incrementAndGet();
        try {
            downstream.onError(error);
        } catch (RuntimeException thrown) {
            deliver(new ListenerFailure(error, thrown));
        }
    }

    private boolean wanted(SubscriptionCode code) {
        return codes.isEmpty() || codes.contains(code);
    }

    long delivered() {
        return delivered.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long decodeErrors() {
        return decodeErrors.get();
    }

    long unchecked() {
        return unchecked.get();
    }
}
