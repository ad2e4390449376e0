package io.jvq.cli.output;

import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;

import java.io.IOException;
import java.io.Writer;
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
    private final Writer out;
    private final Palette palette;
    /** Last trade price per code, for the tick colour. */
    private final Map<String, Long> lastTrade = new HashMap<>();

    public TextEventWriter(Writer out, Palette palette) {
        this.out = Objects.requireNonNull(out, "out");
        this.palette = palette;
    }

    /** A formatter only, for {@link #line}: what {@link #write} writes goes nowhere. */
    public static TextEventWriter linesOnly(Palette palette) {
        return new TextEventWriter(Writer.nullWriter(), palette);
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        out.write(line(event));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** The line for {@code event}, without its line break. */
    public String line(JvqEvent event) {
        if (event instanceof Level1Quote quote) {
            return level1(quote);
        }
        if (event instanceof Level2Trade trade) {
            return trade(trade);
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

    private String trade(Level2Trade t) {
        Long previous = lastTrade.put(t.code().symbol(), t.price());
        long tick = previous == null ? 0 : Long.compare(t.price(), previous);
        return TimeOfDay.format(t.timeOfDayMillis(), true) + ' ' + t.code().symbol() + " trade #" + t.tradeId()
                + ' ' + palette.bySign(tick, Decimals.text(t.price())) + " x " + t.quantity();
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
