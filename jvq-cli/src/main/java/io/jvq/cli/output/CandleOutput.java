package io.jvq.cli.output;

import io.jvq.core.candle.Candle;

import java.io.IOException;

/** Writes candlesticks to stdout, one line each. Not thread-safe: callers serialise. */
public interface CandleOutput {
    void write(Candle candle) throws IOException;

    void flush() throws IOException;
}
