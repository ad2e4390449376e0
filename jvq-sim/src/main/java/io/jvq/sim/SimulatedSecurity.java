package io.jvq.sim;

import io.jvq.core.market.Board;
import io.jvq.core.market.TradingHours;

/**
 * One security's trading day: its price path, trades, running volume and turnover, and book.
 * Each security has its own random streams (derived from the market seed and its symbol), so its
 * text depends only on the seed and on the calls that touched it, not on which other codes exist.
 */
final class SimulatedSecurity {
    private final Security security;
    private final SplitMix rng;
    private final long bookSeed;
    private final OrderBook book = new OrderBook();

    private long last;
    private boolean traded;
    private long volume;
    /** Turnover in fen (0.01 yuan): price × quantity is always a whole number of fen, see {@link #record}. */
    private long amountFen;
    private long tradeId;
    private int lastTradeTime;

    private long indicative;
    private long auctionMatched;
    private long auctionUnmatched;
    private boolean buyersHeavier;

    /** A price the next trade must print at (set by {@link #moveTo}), or 0. */
    private long pinned;

    /** Bumped on every change; the book is redrawn lazily when a snapshot sees a new version. */
    private long version;
    private long bookVersion = -1;

    SimulatedSecurity(Security security, long seed) {
        this.security = security;
        this.rng = new SplitMix(SplitMix.derive(seed, security.symbol().hashCode() * 31L + 1));
        this.bookSeed = SplitMix.derive(seed, security.symbol().hashCode() * 31L + 2);
        this.last = security.prevClose();
        this.tradeId = 100_000L + rng.nextInt(9_000_000);
        if ((long) security.tick() * security.lot() % 10 != 0) {
            throw new IllegalStateException("tick × lot of " + security.symbol() + " is not a whole number of fen");
        }
    }

    Security security() {
        return security;
    }

    /** One step of the opening call auction; at its end ({@code windowEnd} = 09:25) the book uncrosses. */
    void auction(int windowEnd, int volatilityBps, StringBuilder trades) {
        if (security.board() != Board.INDEX) {
            long from = auctionMatched == 0 ? security.prevClose() : indicative;
            indicative = clampToLimits(from + (long) security.tick() * walkTicks(from, 3L * volatilityBps));
            auctionMatched += (long) security.lot() * (1 + rng.nextInt(10));
            auctionUnmatched = (long) security.lot() * rng.nextInt(100);
            buyersHeavier = rng.nextInt(2) == 0;
            version++;
        }
        if (windowEnd >= TradingHours.OPENING_AUCTION_MATCH && auctionMatched > 0) {
            long price = pinned != 0 ? pinned : indicative;
            pinned = 0;
            record(TradingHours.OPENING_AUCTION_MATCH, price, auctionMatched, trades, false);
            auctionMatched = 0;
        }
    }

    /**
     * {@code count} continuous trades with times in {@code [from, to]}, non-decreasing and never before
     * the previous trade, written {@code |}-separated to {@code trades} when it is not null.
     */
    void trade(int from, int to, int count, int volatilityBps, StringBuilder trades) {
        int time = Math.max(from, lastTradeTime);
        for (int i = 0; i < count; i++) {
            // A gap averaging the time left over the trades left keeps trades spread over the window.
            int maxGap = 2 * Math.max(0, to - time) / (count - i + 1);
            time += maxGap == 0 ? 0 : rng.nextInt(maxGap + 1);
            long price;
            if (pinned != 0) {
                price = pinned;
                pinned = 0;
            } else {
                price = clampToLimits(last + (long) security.tick() * walkTicks(last, volatilityBps));
            }
            int lots = rng.nextInt(10) < 7 ? 1 + rng.nextInt(10) : 1 + rng.nextInt(200);
            record(Math.max(time, lastTradeTime), price, (long) lots * security.lot(), trades, i > 0);
        }
    }

    /** The next trade prints at {@code price} (thousandths of a yuan, already validated), then the walk goes on. */
    void moveTo(long price) {
        pinned = price;
    }

    /** Books one trade and, when {@code trades} is given, writes it there ({@code |}-separated after the first). */
    private void record(int time, long price, long quantity, StringBuilder trades, boolean separator) {
        tradeId += 1 + rng.nextInt(4);
        lastTradeTime = time;
        last = price;
        traded = true;
        volume += quantity;
        // Stocks trade at whole fen; bonds and funds at 0.001 but in lots of 10 or 100: whole fen either way.
        amountFen += price * quantity / 10;
        version++;
        if (trades != null) {
            if (separator) {
                trades.append('|');
            }
            QuoteLines.trade(trades, time, tradeId, price, quantity, security.decimals());
        }
    }

    /**
     * A random step in ticks whose typical size is {@code bps} basis points of the price: several ticks
     * for dear stocks, and for cheap ones a one-tick step with the matching probability.
     */
    private int walkTicks(long price, long bps) {
        long milliTicks = price * bps / (10L * security.tick());
        if (milliTicks >= 1000) {
            return rng.nextSymmetric((int) Math.min(milliTicks / 1000, 1_000_000));
        }
        if (rng.nextInt(1000) >= milliTicks) {
            return 0;
        }
        return rng.nextInt(2) == 0 ? -1 : 1;
    }

    private long clampToLimits(long price) {
        return Math.max(security.limitDown(), Math.min(security.limitUp(), price));
    }

    private boolean inAuction() {
        return auctionMatched > 0;
    }

    /** The price a snapshot shows: the last trade, else the auction's indicative price, else the previous close. */
    long displayPrice() {
        return traded ? last : inAuction() ? indicative : security.prevClose();
    }

    long volume() {
        return volume;
    }

    long amountFen() {
        return amountFen;
    }

    /** The current book (an index has none; nothing is quoted before the auction or the first trade). */
    OrderBook book() {
        if (bookVersion != version) {
            bookVersion = version;
            SplitMix bookRng = new SplitMix(SplitMix.derive(bookSeed, version));
            if (security.board() == Board.INDEX) {
                book.clear();
            } else if (inAuction()) {
                book.auction(indicative, auctionMatched, auctionUnmatched, buyersHeavier, security);
            } else if (traded) {
                book.quoteAround(last, security, bookRng);
            } else {
                book.clear();
            }
        }
        return book;
    }
}
