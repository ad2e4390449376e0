package io.jvq.sim;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.market.MarketPhase;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic synthetic A-share market that writes jvQuant quote lines (docs/PROTOCOL.md §5.1–5.3).
 * See the {@linkplain io.jvq.sim package documentation} for the model.
 *
 * <pre>{@code
 * MarketSimulator market = MarketSimulator.builder().seed(42).startTime(LocalTime.of(9, 30)).build();
 * String lines = market.nextTick(Set.of(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("600519")));
 * }</pre>
 *
 * <p>Same seed and same calls give the same text, byte for byte. The methods are synchronized so a
 * fake server's timer and a test thread can share one market; the lock is uncontended in benchmarks.
 */
public final class MarketSimulator {

    private final long seed;
    private final int tradesPerTick;
    private final int volatilityBps;
    private final SessionClock clock;
    private final Map<String, SimulatedSecurity> securities = new HashMap<>();

    private final StringBuilder out = new StringBuilder(1 << 12);
    private final StringBuilder trades = new StringBuilder(256);

    /** The last subscription seen by {@link #nextTick} and its resolved, sorted plan (most ticks repeat it). */
    private Set<SubscriptionCode> plannedCodes = Set.of();
    private Subscribed[] plan = new Subscribed[0];

    /** One security and the levels subscribed for it. */
    private record Subscribed(SimulatedSecurity security, boolean lv1, boolean lv2, boolean lv10) {
    }

    private MarketSimulator(Builder builder) {
        this.seed = builder.seed;
        this.tradesPerTick = builder.tradesPerTick;
        this.volatilityBps = builder.volatilityBps;
        this.clock = new SessionClock(TimeOfDay.of(builder.startTime), (int) builder.tickInterval.toMillis());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One tick: advances the clock by the tick interval (skipping the lunch break, stopping at phase
     * boundaries), lets every subscribed security trade over that window, and returns
     * {@code code=payload\n} lines for the codes: a level-1 and level-10 snapshot per subscribed code,
     * a level-2 line only for securities that traded in the window. Lines are ordered by symbol, then
     * lv1, lv2, lv10, whatever the set's iteration order.
     *
     * @return the lines, each ending in {@code \n}; empty when nothing is subscribed
     */
    public synchronized String nextTick(Set<SubscriptionCode> codes) {
        Objects.requireNonNull(codes, "codes");
        if (!codes.equals(plannedCodes)) {
            plan = planFor(codes);
            plannedCodes = Set.copyOf(codes);
        }
        MarketPhase phase = clock.advance();
        int from = clock.windowStart();
        int to = clock.now();
        out.setLength(0);
        for (Subscribed entry : plan) {
            SimulatedSecurity security = entry.security();
            trades.setLength(0);
            StringBuilder tradeOut = entry.lv2() ? trades : null;
            if (phase == MarketPhase.OPENING_AUCTION) {
                security.auction(to, volatilityBps, tradeOut);
            } else if (isTrading(phase) && to > from) {
                security.trade(from, to - 1, tradesPerTick, volatilityBps, tradeOut);
            }
            String symbol = security.security().symbol();
            if (entry.lv1()) {
                prefix(QuoteLevel.LV1, symbol);
                QuoteLines.level1(out, security, to);
                out.append('\n');
            }
            if (entry.lv2() && trades.length() > 0) {
                prefix(QuoteLevel.LV2, symbol);
                out.append(trades).append('\n');
            }
            if (entry.lv10()) {
                prefix(QuoteLevel.LV10, symbol);
                QuoteLines.level10(out, security, to);
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The level-1 line for {@code symbol} now ({@code lv1_<symbol>=…}, no newline); it does not trade. */
    public synchronized String lv1Line(String symbol) {
        out.setLength(0);
        appendLine(out, QuoteLevel.LV1, security(symbol), 0);
        return out.toString();
    }

    /**
     * {@code trades} new trades for {@code symbol} at the current time (the clock does not move), as a
     * level-2 line ({@code lv2_<symbol>=…}, no newline). They count in the level-1 volume and amount.
     *
     * @throws IllegalStateException outside continuous trading (09:30–11:30, 13:00–15:00)
     */
    public synchronized String lv2Line(String symbol, int trades) {
        SimulatedSecurity security = security(symbol);
        if (trades < 1) {
            throw new IllegalArgumentException("trades must be at least 1, got " + trades);
        }
        requireContinuousTrading();
        out.setLength(0);
        appendLine(out, QuoteLevel.LV2, security, trades);
        return out.toString();
    }

    /** The level-10 line for {@code symbol} now ({@code lv10_<symbol>=…}, no newline); it does not trade. */
    public synchronized String lv10Line(String symbol) {
        out.setLength(0);
        appendLine(out, QuoteLevel.LV10, security(symbol), 0);
        return out.toString();
    }

    /**
     * The inflated text of one frame for benchmarks: lines for {@code codes}, in the collection's order
     * and round again while needed, until the UTF-8 size reaches {@code targetBytes} (so it exceeds the
     * target by less than one line). Level-2 codes get {@link Builder#tradesPerTick} new trades per line.
     * The clock does not move.
     *
     * @throws IllegalStateException when {@code codes} has level-2 codes outside continuous trading
     */
    public synchronized byte[] frameText(Collection<SubscriptionCode> codes, int targetBytes) {
        Objects.requireNonNull(codes, "codes");
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("codes must not be empty");
        }
        if (targetBytes < 1) {
            throw new IllegalArgumentException("targetBytes must be positive, got " + targetBytes);
        }
        boolean hasLv2 = false;
        for (SubscriptionCode code : codes) {
            hasLv2 |= Objects.requireNonNull(code, "code in codes").level() == QuoteLevel.LV2;
        }
        if (hasLv2) {
            requireContinuousTrading();
        }
        StringBuilder frame = new StringBuilder(targetBytes);
        int bytes = 0;
        while (bytes < targetBytes) {
            for (SubscriptionCode code : codes) {
                int start = frame.length();
                appendLine(frame, code.level(), security(code.symbol()), Math.max(1, tradesPerTick));
                frame.append('\n');
                bytes += WireText.utf8Length(frame, start, frame.length());
                if (bytes >= targetBytes) {
                    break;
                }
            }
        }
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes the next trade of {@code symbol} print at {@code price}, then lets the random walk go on from
     * there (for scenarios: drive a stock to its limit, say).
     *
     * @throws IllegalArgumentException when the price is off the security's tick or outside the day's limits
     */
    public synchronized void moveTo(String symbol, BigDecimal price) {
        SimulatedSecurity security = security(symbol);
        Objects.requireNonNull(price, "price");
        Security facts = security.security();
        int decimals = facts.decimals();
        BigDecimal milli = price.movePointRight(3);
        if (milli.signum() <= 0 || milli.stripTrailingZeros().scale() > 0
                || milli.longValueExact() % facts.tick() != 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " of " + symbol
                    + " is not a positive multiple of its tick " + decimal(facts.tick(), decimals));
        }
        long target = milli.longValueExact();
        if (target > facts.limitUp() || target < facts.limitDown()) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " of " + symbol
                    + " is outside the day's limits " + decimal(facts.limitDown(), decimals)
                    + ".." + decimal(facts.limitUp(), decimals));
        }
        security.moveTo(target);
    }

    /** The simulated time of day. */
    public synchronized LocalTime time() {
        return TimeOfDay.toLocalTime(clock.now());
    }

    /**
     * About 5,300 distinct, plausible A-share stock symbols (Shanghai 600/601/603/605/688, Shenzhen
     * 000/001/002/003/300/301), sorted; the same list on every call and every run.
     */
    public static List<String> fullMarketSymbols() {
        return SecurityCatalog.fullMarketSymbols();
    }

    /** {@link #fullMarketSymbols()} as subscription codes at {@code level}, for firehose benchmarks. */
    public static List<SubscriptionCode> fullMarketCodes(QuoteLevel level) {
        Objects.requireNonNull(level, "level");
        List<String> symbols = fullMarketSymbols();
        List<SubscriptionCode> codes = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            codes.add(new SubscriptionCode(level, symbol));
        }
        return codes;
    }

    private static String decimal(long milli, int decimals) {
        return BigDecimal.valueOf(milli, 3).setScale(decimals, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** No closing auction is simulated: trading goes on to 15:00. */
    private static boolean isTrading(MarketPhase phase) {
        return phase == MarketPhase.CONTINUOUS || phase == MarketPhase.CLOSING_AUCTION;
    }

    private void requireContinuousTrading() {
        if (!isTrading(MarketPhase.at(clock.now()))) {
            throw new IllegalStateException("no continuous trading at " + TimeOfDay.format(clock.now(), true)
                    + ": level-2 trades happen 09:30-11:30 and 13:00-15:00");
        }
    }

    private void prefix(QuoteLevel level, String symbol) {
        prefix(out, level, symbol);
    }

    private static void prefix(StringBuilder to, QuoteLevel level, String symbol) {
        to.append(level.flag()).append('_').append(symbol).append('=');
    }

    /** One line at the current time, no newline; a level-2 line makes {@code trades} new trades. */
    private void appendLine(StringBuilder to, QuoteLevel level, SimulatedSecurity security, int trades) {
        prefix(to, level, security.security().symbol());
        switch (level) {
            case LV1 -> QuoteLines.level1(to, security, clock.now());
            case LV2 -> security.trade(clock.now(), clock.now(), trades, volatilityBps, to);
            case LV10 -> QuoteLines.level10(to, security, clock.now());
            default -> throw new IllegalArgumentException("unknown quote level " + level);
        }
    }

    private SimulatedSecurity security(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        SimulatedSecurity security = securities.get(symbol);
        if (security == null) {
            if (!SubscriptionCode.isValidSymbol(symbol)) {
                throw new IllegalArgumentException("invalid security symbol '" + symbol
                        + "': expected six digits (600519) or i and six digits (i000001)");
            }
            security = new SimulatedSecurity(SecurityCatalog.describe(symbol, seed), seed);
            securities.put(symbol, security);
        }
        return security;
    }

    private Subscribed[] planFor(Set<SubscriptionCode> codes) {
        // Sorted by symbol so the text does not depend on the set's (identity-hash based) iteration order.
        TreeMap<String, boolean[]> levels = new TreeMap<>();
        for (SubscriptionCode code : codes) {
            Objects.requireNonNull(code, "code in codes");
            levels.computeIfAbsent(code.symbol(), s -> new boolean[QuoteLevel.values().length])[code.level().ordinal()] = true;
        }
        Subscribed[] entries = new Subscribed[levels.size()];
        int i = 0;
        for (Map.Entry<String, boolean[]> e : levels.entrySet()) {
            boolean[] on = e.getValue();
            entries[i++] = new Subscribed(security(e.getKey()), on[QuoteLevel.LV1.ordinal()],
                    on[QuoteLevel.LV2.ordinal()], on[QuoteLevel.LV10.ordinal()]);
        }
        return entries;
    }

    /** Settings for a {@link MarketSimulator}. */
    public static final class Builder {
        private long seed = 1;
        private LocalTime startTime = LocalTime.of(9, 30);
        private Duration tickInterval = Duration.ofSeconds(3);
        private int tradesPerTick = 3;
        private int volatilityBps = 3;

        private Builder() {
        }

        /** Seed of every random choice (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Time of day the clock starts at (default 09:30, the start of continuous trading). */
        public Builder startTime(LocalTime startTime) {
            this.startTime = Objects.requireNonNull(startTime, "startTime");
            return this;
        }

        /** Simulated time one {@link #nextTick} covers (default 3 s, the level-1 snapshot rate); 1 ms to 1 h. */
        public Builder tickInterval(Duration tickInterval) {
            Objects.requireNonNull(tickInterval, "tickInterval");
            if (tickInterval.compareTo(Duration.ofMillis(1)) < 0 || tickInterval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("tickInterval must be between 1 ms and 1 h, got " + tickInterval);
            }
            this.tickInterval = tickInterval;
            return this;
        }

        /** Trades each subscribed security makes per tick of continuous trading (default 3; 0 for none). */
        public Builder tradesPerTick(int tradesPerTick) {
            if (tradesPerTick < 0 || tradesPerTick > 10_000) {
                throw new IllegalArgumentException("tradesPerTick must be between 0 and 10000, got " + tradesPerTick);
            }
            this.tradesPerTick = tradesPerTick;
            return this;
        }

        /**
         * Typical price step per trade in basis points of the price (default 3; the opening auction
         * moves three times as far per tick). Large values send prices to their limits quickly.
         */
        public Builder volatilityBps(int volatilityBps) {
            if (volatilityBps < 0 || volatilityBps > 10_000) {
                throw new IllegalArgumentException("volatilityBps must be between 0 and 10000, got " + volatilityBps);
            }
            this.volatilityBps = volatilityBps;
            return this;
        }

        public MarketSimulator build() {
            return new MarketSimulator(this);
        }
    }
}
