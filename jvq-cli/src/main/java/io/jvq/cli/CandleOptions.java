package io.jvq.cli;

import io.jvq.cli.output.CandleEventWriter;
import io.jvq.cli.output.CandleOutput;
import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.JsonCandleWriter;
import io.jvq.cli.output.TextCandleWriter;
import io.jvq.core.candle.CandlePeriod;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;

/** {@code --candles PERIOD}: print candlesticks built from the level-2 trades instead of quotes. */
final class CandleOptions {

    @Option(names = "--candles", paramLabel = "1m|5m|15m|30m|60m|1d", converter = PeriodConverter.class,
            description = "Print candlesticks of this period built from the level-2 trades, by the A-share session "
                    + "rules, instead of quotes (other quotes are not printed).")
    CandlePeriod period;

    boolean enabled() {
        return period != null;
    }

    /** The candle writer in front of {@code quotes} (which still prints server texts and decode errors). */
    CandleEventWriter writer(OutputOptions output, CliEnvironment environment, Writer out, EventWriter quotes) {
        return writer(output, environment, out, quotes, null);
    }

    /** The same, with {@code clock} (if not null) as the aggregator's wall clock. */
    CandleEventWriter writer(OutputOptions output, CliEnvironment environment, Writer out, EventWriter quotes,
                             Clock clock) {
        try {
            CandleOutput candles = output.format == OutputFormat.JSON ? new JsonCandleWriter(out)
                    : new TextCandleWriter(out, output.palette(environment));
            return new CandleEventWriter(period, clock, candles, quotes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class PeriodConverter implements CommandLine.ITypeConverter<CandlePeriod> {
        @Override
        public CandlePeriod convert(String value) {
            try {
                return CandlePeriod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
