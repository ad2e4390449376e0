package io.jvq.cli.output;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;

/** Events as the decoder would build them from the wire text in the protocol's examples. */
final class Events {
    private Events() {
    }

    /** {@code lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,…}. */
    static Level1Quote moutai(String price, String changePct) {
        long[] book = new long[20];
        for (int level = 0; level < 5; level++) {
            book[2 * level] = 100L * (level + 1);                                            // bid qty
            book[2 * level + 1] = FixedPoint.of("1700.49") - level * FixedPoint.of("0.01");   // bid price
            book[10 + 2 * level] = 200L * (level + 1);                                       // ask qty
            book[10 + 2 * level + 1] = FixedPoint.of("1700.51") + level * FixedPoint.of("0.01");
        }
        return new Level1Quote(SubscriptionCode.lv1("600519"), TimeOfDay.of(14, 59, 59, 0), "贵州茅台",
                FixedPoint.of(price), FixedPoint.of(changePct), 12_345_678L, FixedPoint.of("20987654321.50"), book);
    }

    static Level2Trade trade(String symbol, long id, String price, long qty) {
        return new Level2Trade(SubscriptionCode.lv2(symbol), TimeOfDay.of(9, 30, 0, 120), id, FixedPoint.of(price), qty);
    }

    static Level10Book book() {
        long[] book = new long[40];
        for (int level = 0; level < 10; level++) {
            book[level] = FixedPoint.of("10.100") - level * FixedPoint.of("0.001");       // bid prices
            book[10 + level] = 10L * (level + 1);                                       // bid quantities
            book[20 + level] = FixedPoint.of("10.101") + level * FixedPoint.of("0.001"); // ask prices
            book[30 + level] = 20L * (level + 1);                                       // ask quantities
        }
        return new Level10Book(SubscriptionCode.lv10("127063"), TimeOfDay.of(10, 15, 0, 0), "贵轮转债",
                FixedPoint.of("10.1"), FixedPoint.of("10.05"), FixedPoint.of("123456.789"), 987_654L, book);
    }
}
