package io.jvq.sim;

/** Writes level-1 and level-10 payloads (docs/PROTOCOL.md §5.1, §5.3); the field orders live here and only here. */
final class QuoteLines {
    /** Levels per side on a level-1 line. */
    static final int LV1_DEPTH = 5;

    private QuoteLines() {
    }

    /** {@code time,name,price,change%,volume,amount,b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p}. */
    static void level1(StringBuilder out, SimulatedSecurity s, int timeOfDay) {
        Security security = s.security();
        int decimals = security.decimals();
        long price = s.displayPrice();
        WireText.time(out, timeOfDay, false);
        out.append(',').append(security.name()).append(',');
        WireText.price(out, price, decimals);
        out.append(',');
        WireText.hundredths(out, WireText.changeHundredthsOfPercent(price, security.prevClose()));
        out.append(',').append(s.volume()).append(',');
        WireText.hundredths(out, s.amountFen());
        OrderBook book = s.book();
        for (int i = 0; i < LV1_DEPTH; i++) {
            out.append(',').append(book.bidQuantity[i]).append(',');
            WireText.price(out, book.bidPrice[i], decimals);
        }
        for (int i = 0; i < LV1_DEPTH; i++) {
            out.append(',').append(book.askQuantity[i]).append(',');
            WireText.price(out, book.askPrice[i], decimals);
        }
    }

    /** {@code time,name,price,lastClose,amount,volume,b1p…b10p,b1q…b10q,a1p…a10p,a1q…a10q}. */
    static void level10(StringBuilder out, SimulatedSecurity s, int timeOfDay) {
        Security security = s.security();
        int decimals = security.decimals();
        WireText.time(out, timeOfDay, false);
        out.append(',').append(security.name()).append(',');
        WireText.price(out, s.displayPrice(), decimals);
        out.append(',');
        WireText.price(out, security.prevClose(), decimals);
        out.append(',');
        WireText.hundredths(out, s.amountFen());
        out.append(',').append(s.volume());
        OrderBook book = s.book();
        prices(out, book.bidPrice, decimals);
        quantities(out, book.bidQuantity);
        prices(out, book.askPrice, decimals);
        quantities(out, book.askQuantity);
    }

    private static void prices(StringBuilder out, long[] prices, int decimals) {
        for (long price : prices) {
            out.append(',');
            WireText.price(out, price, decimals);
        }
    }

    private static void quantities(StringBuilder out, long[] quantities) {
        for (long quantity : quantities) {
            out.append(',').append(quantity);
        }
    }
}
