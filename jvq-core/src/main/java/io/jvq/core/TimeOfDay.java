package io.jvq.core;

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

    /** {@code HH:MM:SS} or, with milliseconds, {@code HH:MM:SS.mmm}. */
    public static String format(int millisOfDay, boolean withMillis) {
        return append(new StringBuilder(12), millisOfDay, withMillis).toString();
    }

    /** Appends {@link #format}'s text without allocating. */
    public static StringBuilder append(StringBuilder out, int millisOfDay, boolean withMillis) {
        int ms = millisOfDay % 1000;
        int s = millisOfDay / 1000;
        two(out, s / 3600).append(':');
        two(out, s / 60 % 60).append(':');
        two(out, s % 60);
        if (withMillis) {
            out.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                    .append((char) ('0' + ms % 10));
        }
        return out;
    }

    private static StringBuilder two(StringBuilder out, int v) {
        return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
