package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns the subscription codes seen on the wire without allocating per line: the level, the
 * index flag and the six digits pack into one {@code long} key of a small open-addressing map,
 * and each distinct code is made once. Each kept code also remembers its last lv1 name (a security's
 * name does not change during the day), so a repeated name costs a byte comparison, not a String.
 */
final class CodeTable {
    /** Past this many distinct codes (a misbehaving server), codes are still decoded but no longer kept. */
    static final int MAX_ENTRIES = 1 << 16;
    private static final QuoteLevel[] LEVELS = {QuoteLevel.LV1, QuoteLevel.LV2, QuoteLevel.LV10};

    /** Key + 1, so that 0 marks a free slot. */
    private long[] keys = new long[64];
    private Entry[] entries = new Entry[64];
    private int size;
    /** The entry of the last code {@link #lookup} returned, or null when that code is not kept. */
    private @Nullable Entry last;

    /** A kept code, the last name seen under it, and the layouts of its last trade's id and price. */
    static final class Entry {
        final SubscriptionCode code;
        /** A security's trade ids and prices keep their width from one trade to the next far more often than two securities' do. */
        final WordShape tradeIds = new WordShape();
        final WordShape tradePrices = new WordShape();
        private byte @Nullable [] nameBytes;
        private @Nullable String name;

        Entry(SubscriptionCode code) {
            this.code = code;
        }

        /** The UTF-8 name in {@code buf[from, from + length)}: the remembered String when the bytes are unchanged. */
        String name(byte[] buf, int from, int length) {
            byte[] known = nameBytes;
            String remembered = name;
            if (known == null || remembered == null || !Arrays.equals(known, 0, known.length, buf, from, from + length)) {
                nameBytes = Arrays.copyOfRange(buf, from, from + length);
                remembered = new String(buf, from, length, StandardCharsets.UTF_8);
                name = remembered;
            }
            return remembered;
        }
    }

    /**
     * The code written in {@code buf[from, to)}, or {@code null} when it is not {@code lv1_},
     * {@code lv2_} or {@code lv10_} followed by six digits or {@code i} and six digits.
     */
    @Nullable SubscriptionCode lookup(byte[] buf, int from, int to) {
        last = null;
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
        long key = key(level, index, digits);
        int slot = slot(key);
        if (keys[slot] == key) {
            Entry entry = entries[slot];
            last = entry;
            return entry.code;
        }
        SubscriptionCode code = new SubscriptionCode(LEVELS[level],
                new String(buf, symbolStart, to - symbolStart, StandardCharsets.ISO_8859_1));
        if (size < MAX_ENTRIES) {
            Entry entry = new Entry(code);
            last = entry;
            keys[slot] = key;
            entries[slot] = entry;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
        return code;
    }

    /**
     * The entry of the kept code {@code lv1_} ({@code level} 0) or {@code lv2_} (1) followed by the six-digit symbol
     * {@code digits}, or null when it has not been seen (then {@link #lookup} makes it). Sets {@link #last}.
     */
    @Nullable Entry find(int level, int digits) {
        long key = key(level, 0, digits);
        int slot = slot(key);
        if (keys[slot] != key) {
            last = null;
            return null;
        }
        Entry entry = entries[slot];
        last = entry;
        return entry;
    }

    /** The slot that holds {@code key}, or the free slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        long k;
        while ((k = keys[slot]) != key && k != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Key + 1 (0 marks a free slot): level, index flag and the six digits in one long. */
    private static long key(int level, int index, int digits) {
        return ((long) (level * 2 + index) << 20 | digits) + 1;
    }

    /** The entry of the code the last {@link #lookup} returned, or null when it returned null or a code not kept. */
    @Nullable Entry last() {
        return last;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Entry[] oldEntries = entries;
        keys = new long[oldKeys.length * 2];
        entries = new Entry[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                entries[slot] = oldEntries[i];
            }
        }
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
