package io.jvq.core;

import org.jspecify.annotations.Nullable;

/** The quote flag that prefixes a subscription code (docs/PROTOCOL.md §3). */
public enum QuoteLevel {
    /** Level-1 snapshot: last price, change, volume, turnover, five bid and five ask levels. */
    LV1("lv1"),
    /** Level-2 tick-by-tick trades. */
    LV2("lv2"),
    /** Ten-level order book (a vendor extension, A-shares only). */
    LV10("lv10");

    private final String flag;

    QuoteLevel(String flag) {
        this.flag = flag;
    }

    /** The flag as written on the wire, e.g. {@code lv1}. */
    public String flag() {
        return flag;
    }

    /** The level for a wire flag, or {@code null} when the flag is unknown. */
    public static @Nullable QuoteLevel ofFlag(String flag) {
        for (QuoteLevel level : values()) {
            if (level.flag.equals(flag)) {
                return level;
            }
        }
        return null;
    }
}
