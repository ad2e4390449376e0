package io.jvq.sim;

import java.util.Arrays;

/**
 * A ten-level book (level 1 shows its first five levels). Prices in thousandths of a yuan; an empty
 * level has price and quantity 0, and empty levels only ever follow the filled ones.
 */
final class OrderBook {
    static final int DEPTH = 10;

    final long[] bidPrice = new long[DEPTH];
    final long[] bidQuantity = new long[DEPTH];
    final long[] askPrice = new long[DEPTH];
    final long[] askQuantity = new long[DEPTH];

    void clear() {
        Arrays.fill(bidPrice, 0);
        Arrays.fill(bidQuantity, 0);
        Arrays.fill(askPrice, 0);
        Arrays.fill(askQuantity, 0);
    }

    /**
     * Continuous trading around the last price: the best bid at or one tick below it, the best ask one
     * tick above, levels a tick or two apart and never beyond the limits. At limit-up the buyers queue at
     * the limit and there are no asks; at limit-down the sellers queue at the limit and there are no bids.
     */
    void quoteAround(long last, Security security, SplitMix rng) {
        clear();
        int tick = security.tick();
        long bid;
        long ask;
        if (last >= security.limitUp()) {
            bid = security.limitUp();
            ask = 0;
        } else if (last <= security.limitDown()) {
            bid = 0;
            ask = security.limitDown();
        } else {
            bid = rng.nextInt(2) == 0 || last - tick < security.limitDown() ? last : last - tick;
            ask = last + tick;
        }
        for (int i = 0; i < DEPTH && bid >= security.limitDown() && bid > 0; i++) {
            bidPrice[i] = bid;
            bidQuantity[i] = quantity(bid == security.limitUp(), security.lot(), rng);
            bid -= (long) tick * (rng.nextInt(6) == 0 ? 2 : 1);
        }
        for (int i = 0; i < DEPTH && ask > 0 && ask <= security.limitUp(); i++) {
            askPrice[i] = ask;
            askQuantity[i] = quantity(ask == security.limitDown(), security.lot(), rng);
            ask += (long) tick * (rng.nextInt(6) == 0 ? 2 : 1);
        }
    }

    /**
     * The opening call auction as exchanges show it: the indicative price with the matched quantity
     * on both sides at level 1, and the unmatched excess one tick away on the heavier side.
     */
    void auction(long indicative, long matched, long unmatched, boolean buyersHeavier, Security security) {
        clear();
        bidPrice[0] = indicative;
        bidQuantity[0] = matched;
        askPrice[0] = indicative;
        askQuantity[0] = matched;
        int tick = security.tick();
        if (unmatched == 0) {
            return;
        }
        if (buyersHeavier && indicative - tick >= security.limitDown()) {
            bidPrice[1] = indicative - tick;
            bidQuantity[1] = unmatched;
        } else if (!buyersHeavier && indicative + tick <= security.limitUp()) {
            askPrice[1] = indicative + tick;
            askQuantity[1] = unmatched;
        }
    }

    private static long quantity(boolean limitQueue, int lot, SplitMix rng) {
        // Orders pile up at a price limit.
        int lots = limitQueue ? 2_000 + rng.nextInt(50_000) : 1 + rng.nextInt(rng.nextInt(4) == 0 ? 2_000 : 200);
        return (long) lots * lot;
    }
}
