package io.jvq.core.candle;

/** Told of each finished (or, at the end of the input, partial) bar, on the thread that fed the trade. */
@FunctionalInterface
public interface CandleListener {
    void onCandle(Candle candle);
}
