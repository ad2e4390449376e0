package io.jvq.core.codec;

import io.jvq.core.FixedPoint;

/**
 * The digit constants and limits every number reader shares, in one place. The general readers
 * ({@link Fields}) accept everything PROTOCOL §6 allows; each fast reader has a narrower limit of its
 * own, past which it gives up (having delivered nothing) and the general reader decides:
 * <ul>
 * <li>{@link #MAX_FAST_INTEGER_DIGITS}: {@link FieldCursor#integer()};</li>
 * <li>{@link #MAX_FAST_DECIMAL_DIGITS} integer digits: {@link FieldCursor#decimal(boolean)};</li>
 * <li>{@link #MAX_TWO_WORD_DECIMAL_DIGITS}: its two-word step (digits and '.' in one word, decimals in the next);</li>
 * <li>{@link #MAX_WORD_SHAPE_DIGITS}: a field and its ',' that {@link WordShape} can learn.</li>
 * </ul>
 * All readers take at most {@link FixedPoint#SCALE} decimals (the general one also zeros after them).
 */
final class Digits {
    /** '0' in every byte. */
    static final long ZEROS = 0x3030303030303030L;
    /** 6 in every byte: a digit byte plus 6 keeps its high nibble 3. */
    static final long PLUS_SIX = 0x0606060606060606L;
    /** 10^0 to 10^8: the weight of a run of up to eight digits read in one word. */
    static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** Fixed-point multiplier for a fraction of 0 to {@link FixedPoint#SCALE} decimal places. */
    static final long[] FRACTION_SCALE = {10_000, 1_000, 100, 10, 1};

    /** The most digits of a fast integer (so that nothing overflows). */
    static final int MAX_FAST_INTEGER_DIGITS = 18;
    /** The most integer digits of a fast decimal (times {@link FixedPoint#ONE} stays in a long). */
    static final int MAX_FAST_DECIMAL_DIGITS = 14;
    /** The most integer digits of a decimal read in two words: the first word holds them and the byte after them. */
    static final int MAX_TWO_WORD_DECIMAL_DIGITS = 7;
    /** The most digits a {@link WordShape} holds: the field and its ',' fit one word. */
    static final int MAX_WORD_SHAPE_DIGITS = 7;
    /** The general reader's limit: the largest integer part whose fixed-point value (plus any fraction) fits a long. */
    static final long MAX_INTEGER_PART = (Long.MAX_VALUE - (FixedPoint.ONE - 1)) / FixedPoint.ONE;

    private Digits() {
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}
