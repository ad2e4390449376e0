package io.jvq.cli.output;

import io.jvq.core.candle.Candle;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A bar as a line for people, the close coloured against the open:
 * <pre>
 * 09:31 600519 1m open 1700.50 high 1701.00 low 1699.90 close 1700.20 vol 12300 amt 20912345.50 trades 41 vwap 1700.1906
 * </pre>
 * A flat bar (no trade in its period) says so; a bar cut short by the end of the input ends in {@code partial}.
 */
public final class TextCandleWriter implements CandleOutput {
    private final Writer out;
    private final Palette palette;

    public TextCandleWriter(Writer out, Palette palette) {
        this.out = Objects.requireNonNull(out, "out");
        this.palette = palette;
    }

    @Override
    public void write(Candle bar) throws IOException {
        out.write(line(bar));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    public String line(Candle bar) {
        long direction = Long.compare(bar.close(), bar.open());
        String head = bar.endText() + ' ' + bar.symbol() + ' ' + bar.period().label();
        if (bar.isFlat()) {
            return head + " flat at " + Decimals.text(bar.close()) + palette.dim(" (no trade)");
        }
        return head + " open " + Decimals.text(bar.open()) + " high " + Decimals.text(bar.high())
                + " low " + Decimals.text(bar.low()) + " close " + palette.bySign(direction, Decimals.text(bar.close()))
                + " vol " + bar.volume() + " amt " + Decimals.text(bar.amount()) + " trades " + bar.trades()
                + " vwap " + Decimals.text(bar.vwap()) + (bar.partial() ? palette.dim(" partial") : "");
    }
}
