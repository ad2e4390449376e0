package io.jvq.bench;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;

/**
 * The flyweight path as a user would write it: reads every numeric field of each view into a
 * running checksum (so the JIT cannot skip the parsing) and keeps nothing. It does not ask for a
 * snapshot's name, which is the one field that costs a String. A decode error fails the benchmark:
 * the corpus is well formed, so an error is a bug, and timing it would measure the wrong thing.
 */
final class FieldReadingSink implements QuoteSink {
    long events;
    long checksum;
    private SubscriptionCode lastCode;

    @Override
    public void onTrade(TradeView trade) {
        events++;
        code(trade.code());
        checksum = checksum * 31 + trade.timeOfDayMillis() + trade.tradeId() + trade.price() * 7 + trade.quantity();
    }

    @Override
    public void onLevel1(Level1View quote) {
        events++;
        code(quote.code());
        long sum = quote.timeOfDayMillis() + quote.price() + quote.changePercent() + quote.volume() + quote.amount();
        for (int level = 1; level <= 5; level++) {
            sum += quote.bidQuantity(level) ^ quote.bidPrice(level);
            sum += quote.askQuantity(level) ^ quote.askPrice(level);
        }
        checksum = checksum * 31 + sum;
    }

    @Override
    public void onLevel10(Level10View book) {
        events++;
        code(book.code());
        checksum = checksum * 31 + book.timeOfDayMillis() + book.price();
    }

    @Override
    public void onError(DecodeError error) {
        throw new IllegalStateException("the benchmark corpus should decode without errors: " + error);
    }

    // Identity on purpose: it counts the codec handing over another SubscriptionCode instance (the table keeps one per code).
    @SuppressWarnings("ReferenceEquality")
    private void code(SubscriptionCode code) {
        if (code != lastCode) {
            lastCode = code;
            checksum++;
        }
    }
}
