package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.Level2Trade;

/**
 * One level-2 trade as a reusable flyweight: valid only during {@link QuoteSink#onTrade}.
 * Accessors mirror {@link Level2Trade}; {@link #toEvent()} makes the immutable copy.
 */
public final class TradeView {
    private SubscriptionCode code;
    private int timeOfDayMillis;
    private long tradeId;
    private long price;
    private long quantity;

    TradeView() {
    }

    @Initializer
    void set(SubscriptionCode code, int timeOfDayMillis, long tradeId, long price, long quantity) {
        this.code = code;
        this.timeOfDayMillis = timeOfDayMillis;
        this.tradeId = tradeId;
        this.price = price;
        this.quantity = quantity;
    }

    public SubscriptionCode code() {
        return code;
    }

    /** Trade time, milliseconds since midnight. */
    public int timeOfDayMillis() {
        return timeOfDayMillis;
    }

    public long tradeId() {
        return tradeId;
    }

    /** Fixed point, 1/10,000 yuan. */
    public long price() {
        return price;
    }

    /** Shares. */
    public long quantity() {
        return quantity;
    }

    public Level2Trade toEvent() {
        return new Level2Trade(code, timeOfDayMillis, tradeId, price, quantity);
    }

    @Override
    public String toString() {
        return toEvent().toString();
    }
}
