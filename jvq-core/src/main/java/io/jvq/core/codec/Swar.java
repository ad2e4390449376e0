package io.jvq.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static io.jvq.core.codec.Digits.PLUS_SIX;
import static io.jvq.core.codec.Digits.ZEROS;

/**
 * Eight bytes at a time ("SIMD within a register"): the field readers' word-wide steps. A word is
 * read little-endian, so the byte at the lowest index is the word's lowest byte. Every method is pure;
 * the caller checks that {@code p + 8 <= buf.length} before {@link #word} and clamps any count to
 * its own field end, since the bytes after a field belong to whatever follows it.
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long ONES = 0x0101010101010101L;
    private static final long TOP_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** 0x76 in every byte: 10 + 0x76 is 0x80, 9 + 0x76 is 0x7F. */
    private static final long TO_TOP_FROM_TEN = 0x7676767676767676L;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long PIPES = 0x7C7C7C7C7C7C7C7CL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    /** {@code HH:MM:SS}: digits at bytes 0, 1, 3, 4, 6, 7; ':' at 2 and 5. */
    private static final long CLOCK_DIGITS = 0xF0F000F0F000F0F0L;
    private static final long CLOCK_COLONS_MASK = 0x0000FF0000FF0000L;
    private static final long CLOCK_COLONS = 0x00003A00003A0000L;

    private Swar() {
    }

    /** The eight bytes from {@code p}; needs {@code p + 8 <= buf.length}. */
    static long word(byte[] buf, int p) {
        return (long) LONGS.get(buf, p);
    }

    /** Byte {@code i} (0 to 7) of the word, as an unsigned value. */
    static int byteAt(long word, int i) {
        return (int) (word >>> (i << 3)) & 0xFF;
    }

    /**
     * How many of the word's bytes, from its first, are ASCII digits (0 to 8). A byte is a digit when
     * its high nibble is 3 and adding 6 keeps it so; a carry out of a non-digit byte can only disturb
     * the bytes after it, never the first non-digit, which is all this counts up to.
     */
    static int leadingDigits(long word) {
        long notDigit = ((word & HIGH_NIBBLES) ^ ZEROS) | (((word + PLUS_SIX) & HIGH_NIBBLES) ^ ZEROS);
        return Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /**
     * The top bit of each byte of the word that is not an ASCII digit, and only of those: with {@code x} the
     * byte xor '0' (a digit's value when below 10), x's low seven bits plus 0x76 reach the top bit for 10 to
     * 127, and x's own top bit is set for 128 to 255. No sum leaves its byte, so every byte's flag is exact,
     * not only the first (unlike {@link #leadingDigits}'s): the second flag of a number with a '.' ends its decimals.
     */
    static long nonDigits(long word) {
        long x = word ^ ZEROS;
        return (((x & LOW_SEVEN_BITS) + TO_TOP_FROM_TEN) | x) & TOP_BITS;
    }

    /**
     * The value of the word's first {@code n} bytes (1 to 8), known to be digits. The digits are shifted
     * to the word's top, leaving zero bytes (leading zeros) below, then pairs, quads and octets are
     * combined with three multiplies.
     */
    static long digitsValue(long word, int n) {
        long v = (word - ZEROS) << ((8 - n) << 3);
        v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
        return (v * 10_000 + (v >>> 32)) & 0xFFFF_FFFFL;
    }

    /**
     * Index (0 to 7) of the word's first byte that is ',', '|' or '\n', or 8 when it has none. A byte
     * equal to the one looked for becomes zero after the exclusive or; subtracting 1 from each byte then
     * sets its top bit. A borrow only runs upwards from a zero byte, so only bytes after the first
     * separator can be flagged wrongly, and the lowest flag is exact.
     */
    static int firstSeparator(long word) {
        long found = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ PIPES) | zeroBytes(word ^ NEWLINES);
        return Long.numberOfTrailingZeros(found) >>> 3;
    }

    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & TOP_BITS;
    }

    /** {@code HH:MM:SS} in the word as seconds of the day (hour ≤ 23, minute and second ≤ 59), or -1. */
    static int clockSeconds(long word) {
        if ((word & CLOCK_COLONS_MASK) != CLOCK_COLONS
                || (word & CLOCK_DIGITS) != (ZEROS & CLOCK_DIGITS)
                || ((word + PLUS_SIX) & CLOCK_DIGITS) != (ZEROS & CLOCK_DIGITS)) {
            return -1;
        }
        long v = word - ZEROS;
        // Byte k of v * 10 + (v >>> 8) is 10 * byte k + byte k + 1: the hour at 0, minute at 3, second at 6.
        long pairs = v * 10 + (v >>> 8);
        int hour = (int) (pairs & 0xFF);
        int minute = (int) ((pairs >>> 24) & 0xFF);
        int second = (int) ((pairs >>> 48) & 0xFF);
        if (hour > 23 || minute > 59 || second > 59) {
            return -1;
        }
        return (hour * 60 + minute) * 60 + second;
    }
}
