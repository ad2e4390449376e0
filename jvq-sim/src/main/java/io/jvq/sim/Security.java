package io.jvq.sim;

import io.jvq.core.market.Board;
import io.jvq.core.market.SecurityRules;

/**
 * The fixed facts of one security for the simulated day: its name, board, previous close and the
 * day's price limits (all prices in thousandths of a yuan). The exchange rules (tick, lot, limits)
 * are the core's ({@link SecurityRules}).
 */
record Security(String symbol, String name, Board board, long prevClose, long limitUp, long limitDown) {
    /** Indices have no price limit; the simulator bounds their random walk at ±20% all the same. */
    static final int INDEX_WALK_PERCENT = 20;
    /** Fixed point ({@code 1/10,000} yuan) per thousandth of a yuan. */
    private static final int FIXED_PER_MILLI = 10;

    static Security of(String symbol, String name, long prevClose) {
        Board board = Board.of(symbol);
        SecurityRules rules = board == Board.INDEX ? new SecurityRules(symbol, board, INDEX_WALK_PERCENT)
                : SecurityRules.of(symbol, name);
        long tick = board.tick() / FIXED_PER_MILLI;
        if (prevClose <= 0 || prevClose % tick != 0) {
            throw new IllegalArgumentException("previous close " + prevClose + " milli-yuan of " + symbol
                    + " is not a positive multiple of the tick " + tick);
        }
        long up = rules.limitUp(prevClose * FIXED_PER_MILLI) / FIXED_PER_MILLI;
        long down = rules.limitDown(prevClose * FIXED_PER_MILLI) / FIXED_PER_MILLI;
        return new Security(symbol, name, board, prevClose, up, down);
    }

    /** Price tick in thousandths of a yuan. */
    int tick() {
        return (int) (board.tick() / FIXED_PER_MILLI);
    }

    /** Shares (bonds: units) per lot; every simulated quantity is a multiple of it (indices: 100, for the walk). */
    int lot() {
        return board == Board.INDEX ? 100 : board.lotSize();
    }

    /** Decimal places of a price on the wire. */
    int decimals() {
        return board.priceDecimals();
    }
}
