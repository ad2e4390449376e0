package io.jvq.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;

/** Quote times travel as milliseconds since midnight (China Standard Time, as the feed sends them). */
public final class TimeOfDay {
    private TimeOfDay() {
    }

    public static LocalTime toLocalTime(int millisOfDay) {
        return LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L);
    }

    public static int of(int hour, int minute, int second, int millis) {
        return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    }

    public static int of(LocalTime time) {
        return (int) (time.toNanoOfDay() / 1_000_000L);
    }

    /** The most bytes {@link #write} writes: {@code HH:MM:SS.mmm}. */
    public static final int MAX_TEXT_BYTES = 12;

    /** {@code HH:MM:SS} or, with milliseconds, {@code HH:MM:SS.mmm}. */
    public static String format(int millisOfDay, boolean withMillis) {
        byte[] text = new byte[MAX_TEXT_BYTES];
        return new String(text, 0, write(text, 0, millisOfDay, withMillis), StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@link #format}'s text as ASCII bytes into {@code out} from {@code at}, which must have
     * room for {@link #MAX_TEXT_BYTES}, without allocating.
     *
     * @return the index after the last byte written
     */
    public static int write(byte[] out, int at, int millisOfDay, boolean withMillis) {
        int ms = millisOfDay % 1000;
        int s = millisOfDay / 1000;
        at = two(out, at, s / 3600);
        out[at++] = ':';
        at = two(out, at, s / 60 % 60);
        out[at++] = ':';
        at = two(out, at, s % 60);
        if (withMillis) {
            out[at++] = '.';
            out[at++] = (byte) ('0' + ms / 100);
            at = two(out, at, ms % 100);
        }
        return at;
    }

    private static int two(byte[] out, int at, int v) {
        out[at++] = (byte) ('0' + v / 10);
        out[at++] = (byte) ('0' + v % 10);
        return at;
    }
}
