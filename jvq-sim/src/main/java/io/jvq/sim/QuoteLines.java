package io.jvq.sim;

import io.jvq.core.codec.QuoteLineWriter;
import io.jvq.core.json.Utf8Buffer;

/**
 * Writes the simulator's level-1, level-2 and level-10 payloads (docs/PROTOCOL.md §5) through
 * jvq-core's {@link QuoteLineWriter}, which writes the parser's own field layout: this class only turns the
 * simulator's values (prices in thousandths of a yuan, amounts in fen, the change in hundredths of a
 * percent) into fixed point, and keeps each security's 2 or 3 decimals.
 */
final class QuoteLines {
    /** Levels per side on a level-1 line. */
    static final int LV1_DEPTH = QuoteLineWriter.LV1_DEPTH;

    private QuoteLines() {
    }

    /** {@code time,name,price,change%,volume,amount,b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p}. */
    static void level1(StringBuilder out, SimulatedSecurity s, int timeOfDay) {
        Security security = s.security();
        int decimals = security.decimals();
        long price = s.displayPrice();
        OrderBook book = s.book();
        Utf8Buffer line = new Utf8Buffer(512);
        QuoteLineWriter.level1(line, timeOfDay, security.name(), fixed(price, decimals),
                WireText.changeHundredthsOfPercent(price, security.prevClose()) * 100, s.volume(), s.amountFen() * 100,
                book.bidQuantity, fixed(book.bidPrice, decimals), book.askQuantity, fixed(book.askPrice, decimals),
                decimals);
        out.append(line);
    }

    /** One trade, {@code HH:MM:SS.mmm,id,price,quantity}. */
    static void trade(StringBuilder out, int time, long tradeId, long price, long quantity, int decimals) {
        Utf8Buffer line = new Utf8Buffer(64);
        QuoteLineWriter.trade(line, time, tradeId, fixed(price, decimals), quantity, decimals);
        out.append(line);
    }

    /** {@code time,name,price,lastClose,amount,volume,b1p…b10p,b1q…b10q,a1p…a10p,a1q…a10q}. */
    static void level10(StringBuilder out, SimulatedSecurity s, int timeOfDay) {
        Security security = s.security();
        int decimals = security.decimals();
        OrderBook book = s.book();
        Utf8Buffer line = new Utf8Buffer(1024);
        QuoteLineWriter.level10(line, timeOfDay, security.name(), fixed(s.displayPrice(), decimals),
                fixed(security.prevClose(), decimals), s.amountFen() * 100, s.volume(),
                book.bidQuantity, fixed(book.bidPrice, decimals), book.askQuantity, fixed(book.askPrice, decimals),
                decimals);
        out.append(line);
    }

    /** A price held in thousandths of a yuan, in fixed point (1/10,000) with the security's 2 or 3 decimals. */
    static long fixed(long milli, int decimals) {
        return decimals == 3 ? milli * 10 : milli / 10 * 100;
    }

    private static long[] fixed(long[] milli, int decimals) {
        long[] fixed = new long[milli.length];
        for (int i = 0; i < milli.length; i++) {
            fixed[i] = fixed(milli[i], decimals);
        }
        return fixed;
    }
}
