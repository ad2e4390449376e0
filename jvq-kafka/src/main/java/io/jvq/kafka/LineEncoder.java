package io.jvq.kafka;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;

/**
 * Writes one quote back in the vendor's grammar (PROTOCOL §5), {@code <code>=<record>}, so that
 * jvq-core's parser, or any client of the vendor's, reads it back to the same values. Numbers are
 * written from the fixed-point values (trailing zeros stripped, two decimals at least); times as
 * received (trades with milliseconds).
 */
final class LineEncoder {
    private LineEncoder() {
    }

    static void write(QuoteEvent event, StringBuilder out) {
        out.append(event.code().wire()).append('=');
        if (event instanceof Level2Trade trade) {
            out.append(TimeOfDay.format(trade.timeOfDayMillis(), true)).append(',').append(trade.tradeId());
            decimal(out, trade.price());
            out.append(',').append(trade.quantity());
        } else if (event instanceof Level1Quote quote) {
            out.append(EventJson.time(quote.timeOfDayMillis()));
            name(out, quote.name());
            decimal(out, quote.price());
            decimal(out, quote.changePercent());
            out.append(',').append(quote.volume());
            decimal(out, quote.amount());
            for (int level = 1; level <= Level1Quote.DEPTH; level++) {
                out.append(',').append(quote.bidQuantity(level));
                decimal(out, quote.bidPrice(level));
            }
            for (int level = 1; level <= Level1Quote.DEPTH; level++) {
                out.append(',').append(quote.askQuantity(level));
                decimal(out, quote.askPrice(level));
            }
        } else if (event instanceof Level10Book book) {
            out.append(EventJson.time(book.timeOfDayMillis()));
            name(out, book.name());
            decimal(out, book.price());
            decimal(out, book.lastClose());
            decimal(out, book.amount());
            out.append(',').append(book.volume());
            // wire order (PROTOCOL §5.3): bid prices, bid quantities, ask prices, ask quantities
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                decimal(out, book.bidPrice(level));
            }
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                out.append(',').append(book.bidQuantity(level));
            }
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                decimal(out, book.askPrice(level));
            }
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                out.append(',').append(book.askQuantity(level));
            }
        }
    }

    private static void decimal(StringBuilder out, long fixed) {
        out.append(',').append(FixedPoint.format(fixed));
    }

    /** A name cannot hold the grammar's separators: the parser would split it (it never does, coming from the wire). */
    private static void name(StringBuilder out, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '|' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("security name '" + name
                        + "' holds a separator of the vendor's grammar (',', '|' or a line break)");
            }
        }
        out.append(',').append(name);
    }
}
