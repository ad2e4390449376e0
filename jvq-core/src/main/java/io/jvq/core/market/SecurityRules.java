package io.jvq.core.market;

import io.jvq.core.FixedPoint;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The trading rules of one security: its board, and its price-limit percentage, which also
 * depends on the name (ST names on the main boards trade within ±5%). Prices are
 * {@link FixedPoint}.
 *
 * @param symbol       e.g. {@code 600519}
 * @param board        read from the symbol
 * @param limitPercent the daily limit in percent of the previous close; 0 for none
 */
public record SecurityRules(String symbol, Board board, int limitPercent) {

    public SecurityRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(board, "board");
    }

    /** The rules for a symbol; {@code name} (as the level-1 feed gives it) decides special treatment. */
    public static SecurityRules of(String symbol, @Nullable String name) {
        Board board = Board.of(symbol);
        int percent = board.isMainBoard() && isSpecialTreatment(name)
                ? Board.SPECIAL_TREATMENT_LIMIT_PERCENT : board.limitPercent();
        return new SecurityRules(symbol, board, percent);
    }

    /** {@code ST…} and {@code *ST…} names are under special treatment. */
    public static boolean isSpecialTreatment(@Nullable String name) {
        return name != null && (name.startsWith("ST") || name.startsWith("*ST"));
    }

    public long tick() {
        return board.tick();
    }

    public int lotSize() {
        return board.lotSize();
    }

    public boolean hasPriceLimit() {
        return limitPercent > 0;
    }

    /** The highest price allowed today: {@code prevClose × (1 + p)} rounded half up to the tick. */
    public long limitUp(long prevClose) {
        requireLimit(prevClose);
        return roundHalfUpToTick(Math.multiplyExact(prevClose, 100 + limitPercent));
    }

    /** The lowest price allowed today: {@code prevClose × (1 − p)} rounded half up to the tick, at least one tick. */
    public long limitDown(long prevClose) {
        requireLimit(prevClose);
        return Math.max(tick(), roundHalfUpToTick(Math.multiplyExact(prevClose, 100 - limitPercent)));
    }

    /** True when {@code price} is a whole number of ticks. */
    public boolean isOnTick(long price) {
        return price % tick() == 0;
    }

    private void requireLimit(long prevClose) {
        if (!hasPriceLimit()) {
            throw new IllegalStateException(symbol + " (" + board + ") has no price limit");
        }
        if (prevClose <= 0) {
            throw new IllegalArgumentException("previous close of " + symbol + " must be positive, was "
                    + FixedPoint.format(prevClose));
        }
    }

    /** {@code hundredfold} is the limit times 100, so this divides by {@code 100 × tick}. */
    private long roundHalfUpToTick(long hundredfold) {
        long unit = 100L * tick();
        return (hundredfold + unit / 2) / unit * tick();
    }
}
