/**
 * Candlesticks (K-line bars) from level-2 trades by the A-share session rules:
 * {@link io.jvq.core.candle.CandleAggregator} is a {@code QuoteSink} that turns trades into
 * {@link io.jvq.core.candle.Candle}s of a {@link io.jvq.core.candle.CandlePeriod}, labelled by their end
 * time, the auctions' trades in the first and last bars of the day.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.candle;

import org.jspecify.annotations.NullMarked;
