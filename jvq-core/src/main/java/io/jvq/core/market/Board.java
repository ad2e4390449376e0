package io.jvq.core.market;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import org.jspecify.annotations.Nullable;

/**
 * The board a security trades on, read from its symbol's digits, and the trading rules that
 * follow from it: price tick, board lot and daily price-limit percentage. Prices are
 * {@link FixedPoint} ({@code 1/10,000} yuan).
 *
 * <p>Out of scope: the first days of a new listing (no limit, or a wider one), the first day of a
 * convertible bond, cross-border funds with other limits, and B shares and the Beijing exchange
 * (classified {@link #OTHER}).
 */
public enum Board {
    /** Shanghai main board: 600, 601, 603, 605. */
    SHANGHAI_MAIN(Exchange.SHANGHAI, 100, 100, 10),
    /** Shanghai STAR market: 688, 689. Orders of at least 200 shares. */
    STAR(Exchange.SHANGHAI, 100, 100, 20),
    /** Shenzhen main board: 000, 001, 002, 003. */
    SHENZHEN_MAIN(Exchange.SHENZHEN, 100, 100, 10),
    /** Shenzhen ChiNext: 300, 301. */
    CHINEXT(Exchange.SHENZHEN, 100, 100, 20),
    /** Convertible bonds: Shanghai 11xxxx, Shenzhen 12xxxx; 0.001 tick, lots of 10 bonds. */
    CONVERTIBLE_BOND(null, 10, 10, 20),
    /** Exchange-traded funds and listed funds: Shanghai 5xxxxx, Shenzhen 15xxxx and 16xxxx; 0.001 tick. */
    FUND(null, 10, 100, 10),
    /** Indices, {@code i} and six digits on the feed: no orders, no lot, no price limit. */
    INDEX(null, 100, 0, 0),
    /** Any other six digits (B shares, the Beijing exchange, new ranges): main-board rules assumed. */
    OTHER(null, 100, 100, 10);

    /** Special-treatment names ({@code ST…}, {@code *ST…}) on the main boards trade within ±5%. */
    public static final int SPECIAL_TREATMENT_LIMIT_PERCENT = 5;

    private final @Nullable Exchange exchange;
    private final long tick;
    private final int lotSize;
    private final int limitPercent;

    Board(@Nullable Exchange exchange, long tick, int lotSize, int limitPercent) {
        this.exchange = exchange;
        this.tick = tick;
        this.lotSize = lotSize;
        this.limitPercent = limitPercent;
    }

    /**
     * The board of a valid symbol (six digits, or {@code i} and six digits).
     *
     * @throws IllegalArgumentException naming the symbol when it is not valid
     */
    public static Board of(@Nullable String symbol) {
        if (symbol == null || !SubscriptionCode.isValidSymbol(symbol)) {
            throw new IllegalArgumentException("invalid security symbol '" + symbol
                    + "': expected six digits (600519) or i and six digits (i000001)");
        }
        if (symbol.charAt(0) == 'i') {
            return INDEX;
        }
        String prefix = symbol.substring(0, 3);
        return switch (prefix) {
            case "600", "601", "603", "605" -> SHANGHAI_MAIN;
            case "688", "689" -> STAR;
            case "000", "001", "002", "003" -> SHENZHEN_MAIN;
            case "300", "301" -> CHINEXT;
            default -> switch (symbol.substring(0, 2)) {
                case "11", "12" -> CONVERTIBLE_BOND;
                case "15", "16", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59" -> FUND;
                default -> OTHER;
            };
        };
    }

    /** The exchange of a symbol: Shanghai for 5, 6, 9 and 11, Shenzhen for 0, 2, 3, 12, 15 and 16; null for indices. */
    public static @Nullable Exchange exchangeOf(String symbol) {
        Board board = of(symbol);
        if (board.exchange != null) {
            return board.exchange;
        }
        if (board == INDEX) {
            return null;
        }
        return switch (symbol.charAt(0)) {
            case '5', '6', '9' -> Exchange.SHANGHAI;
            case '1' -> symbol.charAt(1) == '1' ? Exchange.SHANGHAI : Exchange.SHENZHEN;
            case '0', '2', '3' -> Exchange.SHENZHEN;
            default -> null;
        };
    }

    /** The smallest price step, fixed point: 0.01 yuan (100) for stocks, 0.001 (10) for bonds and funds. */
    public long tick() {
        return tick;
    }

    /** Decimal places of a price on this board: 2 or 3. */
    public int priceDecimals() {
        return tick == 10 ? 3 : 2;
    }

    /** Shares (bonds: units) in one board lot ("手"); 0 for indices. */
    public int lotSize() {
        return lotSize;
    }

    /** The daily price limit in percent of the previous close for a regular name; 0 for none (indices). */
    public int limitPercent() {
        return limitPercent;
    }

    /** True for the boards where ST names trade within {@link #SPECIAL_TREATMENT_LIMIT_PERCENT}. */
    public boolean isMainBoard() {
        return this == SHANGHAI_MAIN || this == SHENZHEN_MAIN || this == OTHER;
    }
}
