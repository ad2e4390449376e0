package io.jvq.cli.output;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.candle.Candle;
import io.jvq.core.candle.CandleAggregator;
import io.jvq.core.candle.CandlePeriod;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quote board for a terminal: one row per security with its latest level-1 snapshot; for the
 * securities with level-2 trades, a sparkline of the recent one-minute closes and the bar being
 * built; and the most recent trades as a tape underneath. Events only update the board; {@link #render} draws it
 * whole, so a screen redrawn a few times a second stays readable at any event rate.
 */
public final class LiveBoard implements EventWriter {
    private static final String HOME = "\u001b[H";
    private static final String CLEAR_LINE = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";
    /** Closes in a sparkline: the finished minutes and the current one. */
    static final int SPARKLINE_LENGTH = 30;

    private final Palette palette;
    private final int tapeLength;
    private final Map<String, Level1Quote> rows = new LinkedHashMap<>();
    private final Deque<String> tape = new ArrayDeque<>();
    private final TextEventWriter lines;
    private final CandleAggregator minutes = new CandleAggregator(CandlePeriod.M1, this::minuteClosed);
    private final Map<String, Deque<Long>> closes = new LinkedHashMap<>();
    private String lastNotice = "";

    /** @param symbols the rows, in order, before any quote arrived */
    public LiveBoard(List<String> symbols, Palette palette, int tapeLength) {
        this.palette = palette;
        this.tapeLength = tapeLength;
        this.lines = TextEventWriter.linesOnly(palette);
        for (String symbol : symbols) {
            rows.put(symbol, null);
        }
    }

    public static List<String> symbolsOf(List<SubscriptionCode> codes) {
        List<String> symbols = new ArrayList<>();
        for (SubscriptionCode code : codes) {
            if (!symbols.contains(code.symbol())) {
                symbols.add(code.symbol());
            }
        }
        return symbols;
    }

    @Override
    public synchronized void write(JvqEvent event) {
        if (event instanceof Level1Quote quote) {
            rows.put(quote.code().symbol(), quote);
        } else if (event instanceof Level2Trade trade) {
            minutes.onTrade(trade);
            closes.computeIfAbsent(trade.code().symbol(), symbol -> new ArrayDeque<>());
            tape.addLast(lines.line(trade));
            while (tape.size() > tapeLength) {
                tape.removeFirst();
            }
        } else if (event instanceof ServerText || event instanceof DecodeError) {
            lastNotice = lines.line(event);
        } else if (!(event instanceof Level10Book)) {
            throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
        }
    }

    @Override
    public void flush() {
        // drawn by render(), on its own schedule
    }

    /** The whole board, drawn from the top-left corner over the previous one, with {@code header} on top. */
    public synchronized String render(String header) {
        StringBuilder out = new StringBuilder(4096).append(HOME);
        line(out, palette.bold(header));
        line(out, "");
        line(out, palette.dim(DisplayWidth.padRight("code", 7) + DisplayWidth.padRight("name", 11)
                + DisplayWidth.padLeft("price", 10) + DisplayWidth.padLeft("change", 9)
                + DisplayWidth.padLeft("volume", 12) + DisplayWidth.padLeft("amount", 17)
                + "  " + DisplayWidth.padRight("bid", 16) + DisplayWidth.padRight("ask", 16) + "time"));
        for (Map.Entry<String, Level1Quote> row : rows.entrySet()) {
            line(out, row(row.getKey(), row.getValue()));
        }
        line(out, "");
        bars(out);
        line(out, "");
        line(out, palette.dim("trades"));
        for (int i = tape.size(); i < tapeLength; i++) {
            line(out, "");
        }
        for (String trade : tape) {
            line(out, trade);
        }
        line(out, lastNotice);
        return out.append(CLEAR_BELOW).toString();
    }

    private String row(String symbol, Level1Quote q) {
        if (q == null) {
            return DisplayWidth.padRight(symbol, 7) + palette.dim("waiting for the first snapshot…");
        }
        long change = q.changePercent();
        return DisplayWidth.padRight(symbol, 7) + DisplayWidth.padRight(q.name(), 11)
                + palette.bySign(change, DisplayWidth.padLeft(Decimals.text(q.price()), 10))
                + palette.bySign(change, DisplayWidth.padLeft(Decimals.signed(change) + "%", 9))
                + DisplayWidth.padLeft(Long.toString(q.volume()), 12)
                + DisplayWidth.padLeft(Decimals.text(q.amount()), 17) + "  "
                + DisplayWidth.padRight(q.bidQuantity(1) + "@" + Decimals.text(q.bidPrice(1)), 16)
                + DisplayWidth.padRight(q.askQuantity(1) + "@" + Decimals.text(q.askPrice(1)), 16)
                + TimeOfDay.format(q.timeOfDayMillis(), false);
    }

    private void minuteClosed(Candle bar) {
        Deque<Long> recent = closes.computeIfAbsent(bar.symbol(), symbol -> new ArrayDeque<>());
        recent.addLast(bar.close());
        while (recent.size() > SPARKLINE_LENGTH - 1) {
            recent.removeFirst();
        }
    }

    /** Per security with trades: the last closes as a sparkline (the current bar's close last) and the current bar. */
    private void bars(StringBuilder out) {
        if (closes.isEmpty()) {
            line(out, palette.dim("1-minute bars: none yet (they are made of lv2_ trades)"));
            return;
        }
        line(out, palette.dim(DisplayWidth.padRight("code", 7) + DisplayWidth.padRight("1-minute closes", SPARKLINE_LENGTH + 2)
                + "bar    open → close     high      low      volume"));
        List<String> symbols = new ArrayList<>(rows.keySet());
        symbols.retainAll(closes.keySet());
        closes.keySet().stream().filter(symbol -> !symbols.contains(symbol)).forEach(symbols::add);
        for (String symbol : symbols) {
            Candle current = minutes.current(symbol);
            List<Long> points = new ArrayList<>(closes.get(symbol));
            if (current != null) {
                points.add(current.close());
            }
            String bar = current == null ? palette.dim("no trade this minute")
                    : current.endText() + "  " + Decimals.text(current.open()) + " → "
                    + palette.bySign(Long.compare(current.close(), current.open()), Decimals.text(current.close()))
                    + "  " + Decimals.text(current.high()) + "  " + Decimals.text(current.low())
                    + "  " + current.volume();
            line(out, DisplayWidth.padRight(symbol, 7)
                    + DisplayWidth.padRight(Sparkline.of(points), SPARKLINE_LENGTH + 2) + bar);
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(CLEAR_LINE).append('\n');
    }
}
