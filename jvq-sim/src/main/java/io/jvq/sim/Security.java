package io.jvq.sim;

/**
 * The fixed facts of one security for the simulated day: its name, kind, previous close and the
 * day's price limits (all prices in thousandths of a yuan).
 */
record Security(String symbol, String name, SecurityKind kind, long prevClose, long limitUp, long limitDown) {

    static Security of(String symbol, String name, long prevClose) {
        SecurityKind kind = SecurityKind.of(symbol);
        int tick = kind.tickMilli();
        if (prevClose <= 0 || prevClose % tick != 0) {
            throw new IllegalArgumentException("previous close " + prevClose + " milli-yuan of " + symbol
                    + " is not a positive multiple of the tick " + tick);
        }
        int percent = isSpecialTreatment(name) && kind == SecurityKind.MAIN_BOARD
                ? SecurityKind.SPECIAL_TREATMENT_LIMIT_PERCENT : kind.limitPercent();
        long up = roundHalfUpToTick(prevClose * (100 + percent), tick);
        long down = Math.max(tick, roundHalfUpToTick(prevClose * (100 - percent), tick));
        return new Security(symbol, name, kind, prevClose, up, down);
    }

    /** {@code ST…} and {@code *ST…} names are under special treatment. */
    static boolean isSpecialTreatment(String name) {
        return name.startsWith("ST") || name.startsWith("*ST");
    }

    /**
     * Exchanges compute a limit as {@code prevClose × (1 ± p%)} rounded half up to the tick;
     * {@code hundredfold} is that product times 100, so this divides by {@code 100 × tick}.
     */
    private static long roundHalfUpToTick(long hundredfold, int tick) {
        long unit = 100L * tick;
        return (hundredfold + unit / 2) / unit * tick;
    }

    int tick() {
        return kind.tickMilli();
    }

    int lot() {
        return kind.lot();
    }
}
