package io.jvq.cli.output;

import io.jvq.core.candle.Candle;
import io.jvq.core.candle.CandleAggregator;
import io.jvq.core.candle.CandlePeriod;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Prints candlesticks instead of quotes: trades go into bars ({@link CandleAggregator}), a bar is
 * printed when it is emitted; other quotes are not printed; server texts and decode errors go to
 * {@code notices} as usual. {@link #finish} prints the bars still open when the input ends.
 */
public final class CandleEventWriter implements EventWriter {
    private final CandleAggregator aggregator;
    private final CandleOutput candles;
    private final EventWriter notices;
    private long bars;

    public CandleEventWriter(CandlePeriod period, CandleOutput candles, EventWriter notices) {
        this(period, null, candles, notices);
    }

    /** With {@code clock} (if not null) as the aggregator's wall clock: it dates the trades and bounds their times. */
    public CandleEventWriter(CandlePeriod period, Clock clock, CandleOutput candles, EventWriter notices) {
        CandleAggregator.Builder builder = CandleAggregator.builder(period, this::print);
        if (clock != null) {
            builder.clock(clock);
        }
        this.aggregator = builder.build();
        this.candles = candles;
        this.notices = notices;
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        if (event instanceof Level2Trade trade) {
            try {
                aggregator.onTrade(trade);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else if (event instanceof ServerText || event instanceof DecodeError) {
            // two writers on one stream: keep their lines in order
            candles.flush();
            notices.write(event);
            notices.flush();
        } else if (!(event instanceof QuoteEvent)) {
            throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
        }
    }

    @Override
    public void flush() throws IOException {
        candles.flush();
        notices.flush();
    }

    /** The input has ended: prints every bar still open, partial unless the clock passed its end. */
    public void finish() throws IOException {
        try {
            aggregator.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        flush();
    }

    /** For the summary: bars printed, trades in no bar (implausible times and overflows only when there were any). */
    public String summary() {
        return bars + " " + aggregator.period().label() + " bars from " + aggregator.trades() + " trades ("
                + aggregator.outOfSessionTrades() + " outside the sessions, " + aggregator.lateTrades()
                + " after their bar was printed"
                + (aggregator.implausibleTrades() == 0 ? "" : ", " + aggregator.implausibleTrades()
                        + " with an implausible time")
                + (aggregator.overflowTrades() == 0 ? "" : ", " + aggregator.overflowTrades()
                        + " overflowing price × quantity")
                + ")";
    }

    private void print(Candle candle) {
        bars++;
        try {
            candles.write(candle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
