package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One level-2 tick-by-tick trade (docs/PROTOCOL.md §5.2). Printed as
 * {@code Level2Trade[600519 09:30:00.120 #1 1700.50 x 100]}: symbol, time, trade id, price and quantity.
 *
 * @param code            the subscription code it came under, e.g. {@code lv2_600519} as printed;
 *                        {@code code().symbol()} is the security alone, {@code 600519}
 * @param timeOfDayMillis trade time, milliseconds since midnight ({@link #time()} as a {@code LocalTime})
 * @param tradeId         the exchange's trade number
 * @param price           fixed point, 1/10,000 yuan ({@link FixedPoint}): {@code 17005000} is 1700.50;
 *                        {@link #priceDecimal()} gives it as a decimal
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

    /** The price as an exact decimal, printed as people write it: {@code 1500.52}, not {@code 1500.5200}. */
    public BigDecimal priceDecimal() {
        return FixedPoint.toDecimal(price);
    }

    @Override
    public String toString() {
        return "Level2Trade[" + code.symbol() + " " + TimeOfDay.format(timeOfDayMillis, true) + " #" + tradeId
                + " " + FixedPoint.format(price) + " x " + quantity + "]";
    }
}
