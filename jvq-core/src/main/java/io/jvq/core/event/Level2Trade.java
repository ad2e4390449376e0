package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One level-2 tick-by-tick trade (docs/PROTOCOL.md §5.2).
 *
 * @param code            e.g. {@code lv2_600519}
 * @param timeOfDayMillis trade time, milliseconds since midnight
 * @param tradeId         the exchange's trade number
 * @param price           fixed point, 1/10,000 yuan ({@link FixedPoint})
 * @param quantity        shares
 */
public record Level2Trade(SubscriptionCode code, int timeOfDayMillis, long tradeId, long price, long quantity)
        implements QuoteEvent {

    public Level2Trade {
        Objects.requireNonNull(code, "code");
    }

    public LocalTime time() {
        return TimeOfDay.toLocalTime(timeOfDayMillis);
    }

    public BigDecimal priceDecimal() {
        return FixedPoint.toBigDecimal(price);
    }

    @Override
    public String toString() {
        return "Level2Trade[" + code + " " + TimeOfDay.format(timeOfDayMillis, true) + " #" + tradeId
                + " " + quantity + "@" + FixedPoint.format(price) + "]";
    }
}
