package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;

import java.nio.charset.StandardCharsets;

/**
 * Interns the subscription codes seen on the wire without allocating per line: the level, the
 * index flag and the six digits pack into one {@code long} key of a small open-addressing map,
 * and each distinct code is made once.
 */
final class CodeTable {
    /** Past this many distinct codes (a misbehaving server), codes are still decoded but no longer kept. */
    static final int MAX_ENTRIES = 1 << 16;
    private static final QuoteLevel[] LEVELS = {QuoteLevel.LV1, QuoteLevel.LV2, QuoteLevel.LV10};

    /** Key + 1, so that 0 marks a free slot. */
    private long[] keys = new long[64];
    private SubscriptionCode[] codes = new SubscriptionCode[64];
    private int size;

    /**
     * The code written in {@code buf[from, to)}, or {@code null} when it is not {@code lv1_},
     * {@code lv2_} or {@code lv10_} followed by six digits or {@code i} and six digits.
     */
    SubscriptionCode lookup(byte[] buf, int from, int to) {
        if (to - from < 4 || buf[from] != 'l' || buf[from + 1] != 'v') {
            return null;
        }
        int level;
        int p;
        if (buf[from + 2] == '1' && buf[from + 3] == '_') {
            level = 0;
            p = from + 4;
        } else if (buf[from + 2] == '2' && buf[from + 3] == '_') {
            level = 1;
            p = from + 4;
        } else if (buf[from + 2] == '1' && buf[from + 3] == '0' && to - from > 4 && buf[from + 4] == '_') {
            level = 2;
            p = from + 5;
        } else {
            return null;
        }
        int symbolStart = p;
        int index = 0;
        if (to - p == 7 && buf[p] == 'i') {
            index = 1;
            p++;
        }
        if (to - p != 6) {
            return null;
        }
        int digits = 0;
        for (int i = p; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            digits = digits * 10 + d;
        }
        long key = ((long) (level * 2 + index) << 20 | digits) + 1;
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return codes[slot];
            }
            if (k == 0) {
                SubscriptionCode code = new SubscriptionCode(LEVELS[level],
                        new String(buf, symbolStart, to - symbolStart, StandardCharsets.ISO_8859_1));
                if (size < MAX_ENTRIES) {
                    keys[slot] = key;
                    codes[slot] = code;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return code;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        SubscriptionCode[] oldCodes = codes;
        keys = new long[oldKeys.length * 2];
        codes = new SubscriptionCode[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = hash(oldKeys[i]) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                codes[slot] = oldCodes[i];
            }
        }
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
