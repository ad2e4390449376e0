package io.jvq.core.codec;

import io.jvq.core.FixedPoint;

import static io.jvq.core.codec.Digits.FRACTION_SCALE;
import static io.jvq.core.codec.Digits.MAX_FAST_DECIMAL_DIGITS;
import static io.jvq.core.codec.Digits.MAX_FAST_INTEGER_DIGITS;
import static io.jvq.core.codec.Digits.MAX_TWO_WORD_DECIMAL_DIGITS;
import static io.jvq.core.codec.Digits.POWERS_OF_TEN;

/**
 * The fast readers' read position in a record (as SBE's {@code limit}): one position, always inside
 * {@code [from, end]} of the range being parsed, moved only by the reader that consumed the bytes. Each
 * reader reads one field of the usual shape from the position and leaves the position after it. When a
 * field is not of the usual shape, the reader clears {@link #usual()} (and returns 0); the position stays
 * valid, later reads give up at once, and the caller hands the record to the general path, having
 * delivered nothing. The word-wide steps are {@link Swar}'s pure functions; only this class moves the
 * position. One per parser; not thread-safe.
 */
final class FieldCursor {
    private static final byte[] NONE = new byte[0];
    /** The range {@link #decimal}'s usual step needs from the number's start: the word at its start and the next. */
    private static final int TWO_WORDS = 16;

    private byte[] buf = NONE;
    private int end;
    private int position;
    private boolean usual;

    /** Starts reading {@code buf} at {@code from}; no read goes past {@code end}. */
    void reset(byte[] buf, int from, int end) {
        this.buf = buf;
        this.end = end;
        this.position = from;
        this.usual = true;
    }

    /** Moves to {@code p} after a field read outside this class (by a {@link WordShape}), inside the range. */
    void moveTo(int p) {
        position = p;
    }

    /** Marks the record as not of the usual shape. */
    void giveUp() {
        usual = false;
    }

    byte[] buf() {
        return buf;
    }

    int position() {
        return position;
    }

    int end() {
        return end;
    }

    /** Whether every field read so far had the usual shape. */
    boolean usual() {
        return usual;
    }

    /** Steps over the ',' at the position: true when it is there and every read so far was usual. */
    boolean skipComma() {
        int p = position;
        if (usual && p < end && buf[p] == ',') {
            position = p + 1;
            return true;
        }
        usual = false;
        return false;
    }

    /** Whether the position is at the end of a record: '|', '\n', a '\r' before '\n' or ending the range, or the range end. */
    boolean atRecordEnd() {
        return recordEnd(buf, position, end);
    }

    /** Whether {@code p} in {@code buf[.., end]} is at the end of a record: '|', the line end or the range's. */
    static boolean recordEnd(byte[] buf, int p, int end) {
        if (p == end) {
            return true;
        }
        byte b = buf[p];
        return b == '|' || b == '\n' || (b == '\r' && (p + 1 == end || buf[p + 1] == '\n'));
    }

    /** Whether the byte at {@code p}, before {@code end}, ends a record: '|', '\n' or "\r\n" (or '\r' ending the range). */
    static boolean separatorEnds(byte[] buf, int p, int end) {
        byte b = buf[p];
        return b == '|' || b == '\n' || (b == '\r' && recordEnd(buf, p, end));
    }

    /** {@code HH:MM:SS} (hour at most 23): milliseconds since midnight. */
    int clock() {
        int p = position;
        if (!usual || end - p < 8) {
            usual = false;
            return 0;
        }
        int seconds = Swar.clockSeconds(Swar.word(buf, p));
        if (seconds < 0) {
            usual = false;
            return 0;
        }
        position = p + 8;
        return seconds * 1000;
    }

    /** Text up to the next ',', '|' or '\n' (or the range end): the position moves there. */
    void skipText() {
        int p = position;
        int n = 8;
        while (n == 8 && p <= end - 8) {
            n = Swar.firstSeparator(Swar.word(buf, p));
            p += n;
        }
        byte b;
        while (n == 8 && p < end && (b = buf[p]) != ',' && b != '|' && b != '\n') {
            p++;
        }
        position = p;
    }

    /**
     * 1 to {@link Digits#MAX_FAST_INTEGER_DIGITS} digits. The usual field, under 8 digits with its whole word
     * inside the range, is read here; anything else by {@link #longInteger}, kept apart so that this stays
     * small enough for the JIT to inline into each reader.
     */
    long integer() {
        int p = position;
        if (end - p >= 8) {
            long word = Swar.word(buf, p);
            int n = Swar.leadingDigits(word);
            if (n > 0 && n < 8) {
                position = p + n;
                return Swar.digitsValue(word, n);
            }
        }
        return longInteger(p);
    }

    private long longInteger(int from) {
        long value = digitRun(from);
        int digits = position - from;
        if (digits == 0 || digits > MAX_FAST_INTEGER_DIGITS) {
            usual = false;
        }
        return value;
    }

    /**
     * 1 to {@link Digits#MAX_FAST_DECIMAL_DIGITS} integer digits (after a '-' when {@code signed}), then
     * optionally '.' and 1 to 4 decimals, as fixed point. The usual number, up to
     * {@link Digits#MAX_TWO_WORD_DECIMAL_DIGITS} integer digits with {@link #TWO_WORDS} bytes of the range
     * from its start, is read here: its end from the exact non-digit flags of the word at its start (or of
     * the next word, 8 bytes on, when the decimals run past it), so that the position of the next field
     * waits for one load and one count, not two of each; its value from that word and the word after the
     * '.'. Anything else is read by {@link #longDecimal}, kept apart so that this stays small enough for the
     * JIT to inline into each reader (and amounts of 5 to 7 integer digits, which used to go there, no
     * longer make it hot).
     */
    long decimal(boolean signed) {
        int p = position;
        boolean negative = signed && p < end && buf[p] == '-';
        long value = unsignedDecimal(negative ? p + 1 : p);
        return negative ? -value : value;
    }

    /** {@link #decimal} from {@code p}, after any '-'. */
    private long unsignedDecimal(int p) {
        if (end - p >= TWO_WORDS) {
            long word = Swar.word(buf, p);
            long flags = Swar.nonDigits(word);
            int n = Long.numberOfTrailingZeros(flags) >>> 3;
            if (n > 0 && n <= MAX_TWO_WORD_DECIMAL_DIGITS) {
                if (Swar.byteAt(word, n) != '.') {
                    position = p + n;
                    return Swar.digitsValue(word, n) * FixedPoint.ONE;
                }
                // The flags are exact, so the next one after the '.' ends the decimals: in this word (the usual
                // price), or in the one 8 bytes on (loaded from there, not from after the '.', so that the field's
                // end does not wait for a load that does).
                long after = flags & (flags - 1);
                if (after != 0) {
                    int stop = Long.numberOfTrailingZeros(after) >>> 3;
                    int places = stop - n - 1;
                    if (places > 0 && places <= FixedPoint.SCALE) {
                        position = p + stop;
                        // The decimals moved down over the '.': all the digits read as one number.
                        long integerBytes = (1L << (n << 3)) - 1;
                        long digits = (word & integerBytes) | ((word >>> 8) & ~integerBytes);
                        return Swar.digitsValue(digits, stop - 1) * FRACTION_SCALE[places];
                    }
                } else {
                    int places = 7 - n + (Long.numberOfTrailingZeros(Swar.nonDigits(Swar.word(buf, p + 8))) >>> 3);
                    if (places > 0 && places <= FixedPoint.SCALE) {
                        position = p + n + 1 + places;
                        return Swar.digitsValue(word, n) * FixedPoint.ONE
                                + Swar.digitsValue(Swar.word(buf, p + n + 1), places) * FRACTION_SCALE[places];
                    }
                }
            }
        }
        return longDecimal(p);
    }

    /** The unsigned part of {@link #decimal} from {@code p} when it does not fit one word: kept apart, as {@link #longInteger}. */
    private long longDecimal(int p) {
        long integerPart = digitRun(p);
        int digits = position - p;
        if (digits == 0 || digits > MAX_FAST_DECIMAL_DIGITS) {
            usual = false;
            return 0;
        }
        long value = integerPart * FixedPoint.ONE;
        int q = position;
        if (q < end && buf[q] == '.') {
            long fraction = digitRun(q + 1);
            int places = position - (q + 1);
            if (places == 0 || places > FixedPoint.SCALE) {
                usual = false;
                return 0;
            }
            value += fraction * FRACTION_SCALE[places];
        }
        return value;
    }

    /**
     * The digits from {@code p} (not past the range end), eight at a time while a whole word fits in the
     * array, then byte by byte; the position moves to the first byte after them. Stops early, past
     * {@link Digits#MAX_FAST_INTEGER_DIGITS}, with a value the caller rejects by the digit count.
     */
    private long digitRun(int p) {
        byte[] b = buf;
        int to = end;
        if (to - p >= 8) {
            // The usual field: fewer than 8 digits, all of its word inside the range, so nothing to clamp.
            long word = Swar.word(b, p);
            int n = Swar.leadingDigits(word);
            if (n < 8) {
                position = p + n;
                return n == 0 ? 0 : Swar.digitsValue(word, n);
            }
        }
        int start = p;
        long value = 0;
        int lastWord = b.length - 8;
        while (p <= lastWord) {
            long word = Swar.word(b, p);
            int n = Math.min(Swar.leadingDigits(word), to - p);
            if (n > 0) {
                value = value * POWERS_OF_TEN[n] + Swar.digitsValue(word, n);
                p += n;
            }
            if (n < 8 || p - start > MAX_FAST_INTEGER_DIGITS) {
                position = p;
                return value;
            }
        }
        int d;
        while (p < to && (d = b[p] - '0') >= 0 && d <= 9) {
            value = value * 10 + d;
            p++;
        }
        position = p;
        return value;
    }
}
