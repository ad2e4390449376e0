package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import org.jspecify.annotations.Nullable;

/**
 * The comma-separated fields of one record, read straight from the frame bytes.
 * Number and time readers never throw: the first problem is remembered (a constant string, so
 * the good path allocates nothing) and later reads return 0, so a record is checked once, at the end.
 */
final class Fields {
    /** Field positions kept; records with more fields are only counted (and then rejected). */
    static final int MAX_FIELDS = 64;

    static final String EMPTY = "empty";
    static final String NOT_INTEGER = "not a non-negative integer";
    static final String NOT_DECIMAL = "not a decimal number";
    static final String NEGATIVE = "negative where only non-negative values are allowed";
    static final String TOO_PRECISE = "more than " + FixedPoint.SCALE + " decimal places";
    static final String TOO_LARGE = "too large";
    static final String EXPONENT = "exponent notation is not supported (expected plain digits, e.g. 1700.50, not 1.7005e3)";
    static final String NOT_TIME = "not a time (expected HH:MM:SS or HH:MM:SS.mmm)";
    static final String BAD_HOUR = "hour is not 00-23";
    static final String BAD_MINUTE = "minute is not 00-59";
    static final String BAD_SECOND = "second is not 00-59";

    private static final int MAX_FIELD_TEXT = 40;

    private final int[] start = new int[MAX_FIELDS];
    private final int[] end = new int[MAX_FIELDS];
    private byte[] buf = new byte[0];
    private int count;
    private @Nullable String problem;
    private int problemField;

    /** Finds the ','-separated fields of {@code buf[from, to)} (offsets only, no copies); {@link #count()} is the true number of fields. */
    void locate(byte[] buf, int from, int to) {
        this.buf = buf;
        this.count = 0;
        this.problem = null;
        this.problemField = -1;
        int fieldStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == ',') {
                if (count < MAX_FIELDS) {
                    start[count] = fieldStart;
                    end[count] = i;
                }
                count++;
                fieldStart = i + 1;
            }
        }
    }

    int count() {
        return count;
    }

    int start(int field) {
        return start[field];
    }

    int length(int field) {
        return end[field] - start[field];
    }

    boolean contains(int field, byte b) {
        for (int i = start[field]; i < end[field]; i++) {
            if (buf[i] == b) {
                return true;
            }
        }
        return false;
    }

    boolean ok() {
        return problem == null;
    }

    /** For error reports only: {@code field 3 (price) '17x0': not a decimal number}, the name from {@code layout}. */
    String describeProblem(RecordLayout layout) {
        return ErrorText.field(layout, problemField) + " '"
                + ErrorText.text(buf, start[problemField], end[problemField], MAX_FIELD_TEXT) + "': " + problem;
    }

    /** {@code why}, or that the field is in exponent notation when it is (a digit, then e or E, then a digit or sign). */
    private long notANumber(int field, String why) {
        for (int i = start[field] + 1; i < end[field] - 1; i++) {
            byte b = buf[i];
            if ((b == 'e' || b == 'E') && isDigit(buf[i - 1])
                    && (isDigit(buf[i + 1]) || buf[i + 1] == '-' || buf[i + 1] == '+')) {
                return fail(field, EXPONENT);
            }
        }
        return fail(field, why);
    }

    private long fail(int field, String why) {
        if (problem == null) {
            problem = why;
            problemField = field;
        }
        return 0;
    }

    /** A non-negative integer such as a volume, quantity or trade id. */
    long integer(int field) {
        if (problem != null) {
            return 0;
        }
        int s = start[field];
        int e = end[field];
        if (s == e) {
            return fail(field, EMPTY);
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                return buf[i] == '-' && i == s ? fail(field, NEGATIVE) : notANumber(field, NOT_INTEGER);
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return fail(field, TOO_LARGE);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * A decimal such as {@code 1700.50} or (when {@code signed}) {@code -1.23}, as fixed point.
     * Digits past the fourth decimal place are accepted only when they are zeros, as
     * {@link FixedPoint#of(java.math.BigDecimal)} does: nothing is ever rounded.
     */
    long decimal(int field, boolean signed) {
        if (problem != null) {
            return 0;
        }
        int i = start[field];
        int e = end[field];
        if (i == e) {
            return fail(field, EMPTY);
        }
        boolean negative = buf[i] == '-';
        if (negative) {
            if (!signed) {
                return fail(field, NEGATIVE);
            }
            i++;
        }
        int integerStart = i;
        long integerPart = 0;
        for (; i < e && isDigit(buf[i]); i++) {
            integerPart = integerPart * 10 + (buf[i] - '0');
            if (integerPart > Digits.MAX_INTEGER_PART) {
                return fail(field, TOO_LARGE);
            }
        }
        if (i == integerStart) {
            return notANumber(field, NOT_DECIMAL);
        }
        long fraction = 0;
        int places = 0;
        if (i < e && buf[i] == '.') {
            int fractionStart = ++i;
            for (; i < e && isDigit(buf[i]); i++) {
                if (places < FixedPoint.SCALE) {
                    fraction = fraction * 10 + (buf[i] - '0');
                    places++;
                } else if (buf[i] != '0') {
                    return fail(field, TOO_PRECISE);
                }
            }
            if (i == fractionStart) {
                return notANumber(field, NOT_DECIMAL);
            }
        }
        if (i != e) {
            return notANumber(field, NOT_DECIMAL);
        }
        for (; places < FixedPoint.SCALE; places++) {
            fraction *= 10;
        }
        long value = integerPart * FixedPoint.ONE + fraction;
        return negative ? -value : value;
    }

    /** {@code HH:MM:SS} or {@code HH:MM:SS.mmm}, as milliseconds since midnight; -1 after a problem. */
    int time(int field) {
        if (problem != null) {
            return -1;
        }
        int s = start[field];
        int length = end[field] - s;
        if ((length != 8 && length != 12) || buf[s + 2] != ':' || buf[s + 5] != ':'
                || (length == 12 && buf[s + 8] != '.')) {
            fail(field, NOT_TIME);
            return -1;
        }
        int hour = twoDigits(s);
        int minute = twoDigits(s + 3);
        int second = twoDigits(s + 6);
        int millis = length == 12 ? threeDigits(s + 9) : 0;
        if (hour < 0 || minute < 0 || second < 0 || millis < 0) {
            fail(field, NOT_TIME);
            return -1;
        }
        String range = hour > 23 ? BAD_HOUR : minute > 59 ? BAD_MINUTE : second > 59 ? BAD_SECOND : null;
        if (range != null) {
            fail(field, range);
            return -1;
        }
        return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    }

    private int twoDigits(int at) {
        return isDigit(buf[at]) && isDigit(buf[at + 1]) ? (buf[at] - '0') * 10 + buf[at + 1] - '0' : -1;
    }

    private int threeDigits(int at) {
        return isDigit(buf[at + 2]) && twoDigits(at) >= 0 ? twoDigits(at) * 10 + buf[at + 2] - '0' : -1;
    }

    private static boolean isDigit(byte b) {
        return Digits.isDigit(b);
    }
}
