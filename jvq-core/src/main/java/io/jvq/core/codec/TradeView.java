// interim: replaced by the codec branch
package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;

/** A level-2 trade being decoded; reused for every trade of a frame. */
public final class TradeView {
    private SubscriptionCode code;
    private int timeOfDayMillis;
    private long tradeId;
    private long price;
    private long quantity;

    TradeView() {
    }

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

    public int timeOfDayMillis() {
        return timeOfDayMillis;
    }

    public long tradeId() {
        return tradeId;
    }

    public long price() {
        return price;
    }

    public long quantity() {
        return quantity;
    }
}
