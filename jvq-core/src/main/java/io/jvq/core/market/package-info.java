/**
 * A-share market reference data: the trading day ({@link io.jvq.core.market.TradingHours},
 * {@link io.jvq.core.market.MarketPhase}), the board of a code and its tick, lot and price limit
 * ({@link io.jvq.core.market.Board}, {@link io.jvq.core.market.SecurityRules}). Holidays and the
 * exchange calendar are not covered: every day is treated as a trading day.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.jvq.core.market;

import org.jspecify.annotations.NullMarked;
