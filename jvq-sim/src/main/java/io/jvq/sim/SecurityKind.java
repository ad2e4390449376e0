package io.jvq.sim;

/**
 * What kind of instrument a symbol is, read from its digits, and the exchange rules that follow:
 * price tick, decimals on the wire, trading lot and daily price limit. Prices inside the simulator are
 * {@code long} thousandths of a yuan ("milli"), which hold both the 0.01 and the 0.001 tick exactly.
 */
enum SecurityKind {
    /** Shanghai 600/601/603/605 and Shenzhen 000/001/002/003 (and anything else six digits). */
    MAIN_BOARD(10, 2, 100, 10),
    /** ChiNext 300/301 and STAR 688/689: ±20%. */
    GROWTH_BOARD(10, 2, 100, 20),
    /** Convertible bonds 11xxxx/12xxxx: 0.001 tick, lots of 10, ±20%. */
    CONVERTIBLE_BOND(1, 3, 10, 20),
    /** Exchange funds 15xxxx/16xxxx/5xxxxx: 0.001 tick, ±10%. */
    FUND(1, 3, 100, 10),
    /** Indices ({@code i} + six digits): no book; ±20% only bounds the random walk. */
    INDEX(10, 2, 100, 20);

    /** ST names on the main boards trade within ±5%. */
    static final int SPECIAL_TREATMENT_LIMIT_PERCENT = 5;

    private final int tickMilli;
    private final int decimals;
    private final int lot;
    private final int limitPercent;

    SecurityKind(int tickMilli, int decimals, int lot, int limitPercent) {
        this.tickMilli = tickMilli;
        this.decimals = decimals;
        this.lot = lot;
        this.limitPercent = limitPercent;
    }

    /** Price tick in thousandths of a yuan. */
    int tickMilli() {
        return tickMilli;
    }

    /** Decimal places of a price on the wire. */
    int decimals() {
        return decimals;
    }

    /** Shares (bonds: units) per lot; every simulated quantity is a multiple of it. */
    int lot() {
        return lot;
    }

    int limitPercent() {
        return limitPercent;
    }

    /** The kind of a valid symbol (six digits, or {@code i} and six digits). */
    static SecurityKind of(String symbol) {
        if (symbol.charAt(0) == 'i') {
            return INDEX;
        }
        char a = symbol.charAt(0);
        char b = symbol.charAt(1);
        char c = symbol.charAt(2);
        if ((a == '3' && b == '0' && (c == '0' || c == '1')) || (a == '6' && b == '8' && (c == '8' || c == '9'))) {
            return GROWTH_BOARD;
        }
        if (a == '1' && (b == '1' || b == '2')) {
            return CONVERTIBLE_BOND;
        }
        if ((a == '1' && (b == '5' || b == '6')) || a == '5') {
            return FUND;
        }
        return MAIN_BOARD;
    }
}
