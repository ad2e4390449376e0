package io.jvq.core.codec;

import io.jvq.core.FixedPoint;

import static io.jvq.core.codec.Digits.PLUS_SIX;
import static io.jvq.core.codec.Digits.ZEROS;

/**
 * The layout of one short number field and the ',' after it inside one word, as the last trade of a code had it
 * ({@code 5317453,} or {@code 13.11,}): the next trade's field is first checked against it with two
 * masked compares, and when it matches, its value is read and its width known without counting digits.
 * The width then comes from this remembered layout, not from the bytes just loaded, so the position of
 * the next field does not wait for the digit count (the reader's longest chain of dependent steps).
 * Starts matching nothing; {@link #learn} sets it from a field the caller has already read and checked.
 */
final class WordShape {
    /** High nibble of each digit byte, all of each punctuation byte; and what they must hold. */
    private long mask;
    private long expected;
    /** High nibble of each digit byte: still 3 after adding 6 to every byte when the byte is a digit. */
    private long digitNibbles;
    /** The bytes below the '.' (all of them without a '.'): kept in place; those above move down one. */
    private long belowDot;
    private int digits;
    private long scale;
    private int width;

    WordShape() {
        mask = 0xFF;
        expected = 0x100; // no byte equals it: matches nothing until learnt
    }

    /** Whether the word starts with this layout: its digits, its '.' if any, and the ',' after it. */
    boolean matches(long word) {
        return (word & mask) == expected && ((word + PLUS_SIX) & digitNibbles) == (ZEROS & digitNibbles);
    }

    /** The field's digits as a number, times the scale learnt (1 for an integer, fixed point for a decimal). */
    long value(long word) {
        long keep = belowDot;
        long squeezed = (word & keep) | ((word >>> 8) & ~keep);
        return Swar.digitsValue(squeezed, digits) * scale;
    }

    /** Bytes from the field start to just after its ','. */
    int width() {
        return width;
    }

    /**
     * Learns the layout of {@code integerDigits} digits, then (when {@code places} &gt; 0) '.' and
     * {@code places} decimals, then ','. A {@code decimal} is scaled to fixed point. A layout that does
     * not fit one word is not learnt (the shape keeps the last one).
     */
    void learn(int integerDigits, int places, boolean decimal) {
        int fieldWidth = places == 0 ? integerDigits : integerDigits + 1 + places;
        if (integerDigits < 1 || integerDigits > Digits.MAX_WORD_SHAPE_DIGITS || fieldWidth + 1 > 8
                || places > FixedPoint.SCALE) {
            return;
        }
        long m = 0;
        long e = 0;
        long d = 0;
        for (int i = 0; i < fieldWidth; i++) {
            int shift = i << 3;
            if (places > 0 && i == integerDigits) {
                m |= 0xFFL << shift;
                e |= (long) '.' << shift;
            } else {
                m |= 0xF0L << shift;
                e |= 0x30L << shift;
                d |= 0xF0L << shift;
            }
        }
        m |= 0xFFL << (fieldWidth << 3);
        e |= (long) ',' << (fieldWidth << 3);
        mask = m;
        expected = e;
        digitNibbles = d;
        belowDot = places == 0 ? -1L : (1L << (integerDigits << 3)) - 1;
        digits = integerDigits + places;
        scale = decimal ? Digits.FRACTION_SCALE[places] : 1;
        width = fieldWidth + 1;
    }
}
