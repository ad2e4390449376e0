package io.jvq.cli.output;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;
import io.jvq.core.json.Utf8Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line per event for people. Level-1 price and change are coloured by the day's change;
 * a trade's price by its tick against the previous trade of the same code.
 *
 * <pre>
 * 14:59:59 600519 贵州茅台 1700.50 +1.23% vol 12345678 amt 20987654321.50 bid 100@1700.49 ask 200@1700.51
 * 09:30:00.120 600519 trade #1234567 1700.50 x 100
 * </pre>
 */
public final class TextEventWriter implements EventWriter {
    private static final long NO_TRADE = Long.MIN_VALUE;

    private final OutputStream out;
    private final LineBuffer lines;
    private final Palette palette;
    /** Last trade price per code, for the tick colour: a one-element array, updated in place. */
    private final Map<String, long[]> lastTrade = new HashMap<>();
    /** For {@link #line}. */
    private final Utf8Buffer scratch = new Utf8Buffer(256);

    public TextEventWriter(OutputStream out, Palette palette) {
        this.out = Objects.requireNonNull(out, "out");
        this.lines = new LineBuffer(out);
        this.palette = palette;
    }

    /** A formatter only, for {@link #line}: what {@link #write} writes goes nowhere. */
    public static TextEventWriter linesOnly(Palette palette) {
        return new TextEventWriter(OutputStream.nullOutputStream(), palette);
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        Utf8Buffer line = lines.buffer();
        append(event, line);
        line.ascii('\n');
        lines.lineWritten();
    }

    @Override
    public void flush() throws IOException {
        lines.writeOut();
        out.flush();
    }

    /** The line for {@code event}, without its line break. */
    public String line(JvqEvent event) {
        scratch.clear();
        append(event, scratch);
        return scratch.toString();
    }

    /** A trade, the bulk of a feed, is written without allocating; the rarer lines are built as text first. */
    private void append(JvqEvent event, Utf8Buffer out) {
        if (event instanceof Level2Trade trade) {
            trade(trade, out);
        } else {
            out.text(text(event));
        }
    }

    private String text(JvqEvent event) {
        if (event instanceof Level1Quote quote) {
            return level1(quote);
        }
        if (event instanceof Level10Book book) {
            return level10(book);
        }
        if (event instanceof ServerText text) {
            return palette.dim("server:") + " " + text.text();
        }
        if (event instanceof DecodeError error) {
            return palette.warn("decode error") + (error.code() == null ? "" : " " + error.code()) + ": "
                    + error.reason() + (error.excerpt().isEmpty() ? "" : " | " + error.excerpt());
        }
        throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
    }

    private String level1(Level1Quote q) {
        long change = q.changePercent();
        return JsonEventWriter.time(q.timeOfDayMillis()) + ' ' + q.code().symbol() + ' ' + q.name() + ' '
                + palette.bySign(change, palette.bold(Decimals.text(q.price()))) + ' '
                + palette.bySign(change, Decimals.signed(change) + '%')
                + " vol " + q.volume() + " amt " + Decimals.text(q.amount())
                + " bid " + q.bidQuantity(1) + '@' + Decimals.text(q.bidPrice(1))
                + " ask " + q.askQuantity(1) + '@' + Decimals.text(q.askPrice(1));
    }

    private void trade(Level2Trade t, Utf8Buffer out) {
        long[] previous = lastTrade.computeIfAbsent(t.code().symbol(), symbol -> new long[] {NO_TRADE});
        long tick = previous[0] == NO_TRADE ? 0 : Long.compare(t.price(), previous[0]);
        previous[0] = t.price();
        out.timeOfDay(t.timeOfDayMillis(), true).ascii(' ').ascii(t.code().symbol()).ascii(" trade #")
                .number(t.tradeId()).ascii(' ').ascii(palette.signStart(tick)).fixedPoint(t.price())
                .ascii(palette.signEnd(tick)).ascii(" x ").number(t.quantity());
    }

    private String level10(Level10Book b) {
        long change = Long.compare(b.price(), b.lastClose());
        return JsonEventWriter.time(b.timeOfDayMillis()) + ' ' + b.code().symbol() + ' ' + b.name() + " L10 "
                + palette.bySign(change, palette.bold(Decimals.text(b.price())))
                + " close " + Decimals.text(b.lastClose())
                + " vol " + b.volume() + " amt " + Decimals.text(b.amount())
                + " bid " + b.bidQuantity(1) + '@' + Decimals.text(b.bidPrice(1))
                + " ask " + b.askQuantity(1) + '@' + Decimals.text(b.askPrice(1));
    }
}
