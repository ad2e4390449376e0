package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static io.jvq.core.codec.Recorder.errors;
import static io.jvq.core.codec.Recorder.quotes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser reads fields eight bytes at a time where a whole word fits in the array and byte by byte
 * near its end; a field must read the same wherever it sits, and never past the range it was given.
 */
class WordReadingTest {

    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");

    private static List<JvqEvent> parseWithin(byte[] array, int off, int len) {
        Recorder r = new Recorder();
        new QuoteParser().parse(array, off, len, r.sink);
        return r.events;
    }

    /** {@code text} at {@code off} of an array that holds {@code after} behind it. */
    private static List<JvqEvent> parseAt(String text, int off, String after) {
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] array = new byte[off + line.length + tail.length];
        java.util.Arrays.fill(array, 0, off, (byte) '7');
        System.arraycopy(line, 0, array, off, line.length);
        System.arraycopy(tail, 0, array, off + line.length, tail.length);
        return parseWithin(array, off, line.length);
    }

    @Test
    void aTradeWithTheLayoutOfTheTradeBeforeReadsTheSameAtEveryDistanceFromTheRangeEnd() {
        String first = "09:30:00.120,5317453,13.11,300";
        for (String second : new String[]{"09:30:00.121,5317454,13.12,4", "09:30:00.121,5317454,13.12,40000",
                "09:30:00.121,5317454,13.12,400|09:30:00.122,5317455,13.13,5"}) {
            List<Level2Trade> expected = new ArrayList<>();
            for (String record : (first + "|" + second).split("\\|")) {
                String[] f = record.split(",");
                expected.add(new Level2Trade(CODE, TimeOfDay.of(LocalTime.parse(f[0])), Long.parseLong(f[1]), FixedPoint.of(f[2]),
                        Long.parseLong(f[3])));
            }
            for (int off = 0; off < 9; off++) {
                for (String after : new String[]{"", "9", "99999999", ",13.11,300", "|09:30:00.120,1,1,1"}) {
                    assertThat(parseAt("lv2_600519=" + first + "|" + second, off, after))
                            .as("%s, offset %d, then '%s'", second, off, after).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void aTradeReadsTheSameAtEveryDistanceFromTheArrayEnd() {
        for (int idDigits = 1; idDigits <= 18; idDigits++) {
            long id = Long.parseLong("123456789012345678".substring(0, idDigits));
            String line = "lv2_600519=09:30:00.120," + id + ",1700.5,100";
            Level2Trade expected = new Level2Trade(CODE, TimeOfDay.of(LocalTime.parse("09:30:00.120")), id, FixedPoint.of("1700.5"), 100);
            for (int off = 0; off < 9; off++) {
                // digits right behind the range must not be read as the quantity's
                for (String after : new String[]{"", "9", "99999999", "|09:30:00.120,1,1,1"}) {
                    assertThat(parseAt(line, off, after)).as("id %d, offset %d, then '%s'", id, off, after)
                            .containsExactly(expected);
                }
            }
        }
    }

    @Test
    void aTradeCutShortAtEveryByteIsAnErrorOrAShorterNumberNeverAnExtraDigit() {
        String line = "lv2_600519=09:30:00.120,12345678901,1700.5,123456789";
        for (int len = "lv2_600519=".length() + 1; len <= line.length(); len++) {
            List<JvqEvent> events = parseAt(line.substring(0, len), 0, "");
            List<JvqEvent> padded = parseAt(line.substring(0, len), 3, "987654321");
            assertThat(padded).as("cut at %d", len).isEqualTo(events);
            assertThat(quotes(events).size() + errors(events).size()).as("cut at %d", len).isEqualTo(1);
        }
    }

    @Test
    void aNonDigitInPlaceOfAnyDigitIsReported() {
        String record = "09:30:00.120,12345678901234,1700.5,123456789012";
        int timeLength = "09:30:00.120".length();
        for (int at = 0; at < record.length(); at++) {
            if (!Character.isDigit(record.charAt(at))) {
                continue;
            }
            // in the time, any non-digit; in the numbers also separators and a multi-byte character
            String[] replacements = at < timeLength ? new String[]{"x"} : new String[]{"x", "/", ":", " ", "中"};
            for (String bad : replacements) {
                String line = "lv2_600519=" + record.substring(0, at) + bad + record.substring(at + 1);
                List<JvqEvent> events = parseAt(line, 0, "");
                assertThat(quotes(events)).as(line).isEmpty();
                assertThat(errors(events)).as(line).hasSize(1);
            }
        }
    }

    /** A trade that follows the one under test, so that the range goes on behind it. */
    private static final String FOLLOWER = "09:30:00.121,7654321,1234.5,4321";
    private static final Level2Trade FOLLOWING_TRADE =
            new Level2Trade(CODE, TimeOfDay.of(LocalTime.parse("09:30:00.121")), 7654321, FixedPoint.of("1234.5"), 4321);

    @Test
    void aTradeFollowedByMoreOfTheRangeReadsAsItDoesAlone() {
        // With the range going on behind a trade, its fields are read a word each; alone at the range end,
        // field by field: both must read every shape alike, including the ones the word-wide reader declines.
        String[] prices = {"0.01", "1700", "1700.5", "1700.50", "1700.505", "1700.5051", "1700.50510", "1700.50511",
                "1234567.5", "12345678.5", "1700.", ".5", "-1700.5", "17e3"};
        String[] quantities = {"1", "100", "1234567", "12345678", "123456789012", "", "1.5"};
        for (int idDigits = 0; idDigits <= 19; idDigits++) {
            String id = "1234567890123456789".substring(0, idDigits);
            for (String price : prices) {
                for (String quantity : quantities) {
                    String record = "09:30:00.120," + id + "," + price + "," + quantity;
                    List<JvqEvent> alone = parseAt("lv2_600519=" + record, 0, "");
                    for (String separator : new String[]{"|", "\n", "\r\n"}) {
                        String follower = separator.equals("|") ? FOLLOWER : "lv2_600519=" + FOLLOWER;
                        List<JvqEvent> followed = parseAt("lv2_600519=" + record + separator + follower, 0, "");
                        List<Object> expected = new ArrayList<>(quotes(alone));
                        expected.add(FOLLOWING_TRADE);
                        assertThat(quotes(followed)).as("%s then %s", record, separator).isEqualTo(expected);
                        assertThat(errors(followed)).as("%s then %s", record, separator).hasSameSizeAs(errors(alone));
                    }
                }
            }
        }
    }

    @Test
    void aNonDigitInPlaceOfAnyDigitOfATradeFollowedByMoreOfTheRangeIsReported() {
        String record = "09:30:00.120,1234567,1700.5051,1234567";
        for (int at = "09:30:00.120,".length(); at < record.length(); at++) {
            if (!Character.isDigit(record.charAt(at))) {
                continue;
            }
            for (String bad : new String[]{"x", "/", ":", " ", "中", "-", "e"}) {
                String line = "lv2_600519=" + record.substring(0, at) + bad + record.substring(at + 1) + "|" + FOLLOWER;
                List<JvqEvent> events = parseAt(line, 0, "");
                assertThat(quotes(events)).as(line).containsExactly(FOLLOWING_TRADE);
                assertThat(errors(events)).as(line).hasSize(1);
            }
        }
    }

    @Test
    void linesCutAtEveryByteReadTheSameWithOrWithoutBytesBehindTheRange() {
        // Codes, trades and snapshots at every distance from the range end, with digits and '=' right behind it.
        String text = "lv2_600519=09:30:00.120,1234567,1700.50,1234567|09:30:00.121,1234568,1700.5,300\n"
                + "lv2_000001=09:30:00.122,1,9.99,100\r\n"
                + "lv1_600519=09:30:00,贵州茅台,1700.00,0.5,100,170000.0,1,1699,2,1698,3,1697,4,1696,5,1695,1,1701,2,1702,3,1703,4,1704,5,1705\n"
                + "lv2_600519=09:30:00.123,1234569,1700.51,200\n";
        for (int len = 0; len <= text.length(); len++) {
            String cut = text.substring(0, len);
            List<JvqEvent> events = parseAt(cut, 0, "");
            for (String after : new String[]{"9", "99999999", "=09:30:00.120,1,1,1", "0519=09:30:00.120,1,1,1\n"}) {
                assertThat(parseAt(cut, 5, after)).as("cut at %d, then '%s'", len, after).isEqualTo(events);
            }
        }
    }

    @Test
    void aStockCodeWithANonDigitOrTheWrongLengthIsReportedAsReceived() {
        String payload = "=09:30:00.120,1234567,1700.50,100|09:30:00.121,1234568,1700.5,300";
        List<String> codes = new ArrayList<>(List.of("lv2_60051", "lv2_6005199", "lv3_600519", "lv2-600519",
                "Lv2_600519", "lv2_600519 ", "lv2__600519"));
        for (int at = 4; at < 10; at++) {
            for (String bad : new String[]{"x", "/", ":", "=", " "}) {
                codes.add("lv2_600519".substring(0, at) + bad + "lv2_600519".substring(at + 1));
            }
        }
        for (String code : codes) {
            String line = code + payload;
            List<JvqEvent> events = parseAt("lv2_600519" + payload + "\n" + line + "\n" + "lv1_i000001=09:30:00,上证指数,3000.1,0.1,1,2\n", 0, "");
            assertThat(quotes(events)).as(line).hasSize(3)
                    .extracting(e -> e.code().wire()).containsExactly("lv2_600519", "lv2_600519", "lv1_i000001");
            assertThat(errors(events)).as(line).hasSize(1);
        }
    }

    @Test
    void aDecimalReadsAsByteByByteWithEveryByteAnywhereAndAtEveryDistanceFromTheRangeEnd() {
        // FieldCursor.decimal reads the usual number from two words when 16 bytes of the range remain: its end must
        // not depend on the bytes behind the range (digits there), nor on where the range ends.
        List<String> numbers = new ArrayList<>();
        String digits = "9876543210987654321";
        for (int integerDigits = 0; integerDigits <= 16; integerDigits++) {
            for (int places = -1; places <= 6; places++) {
                String number = digits.substring(0, integerDigits) + (places < 0 ? "" : "." + digits.substring(3, 3 + places));
                numbers.add(number);
                numbers.add("-" + number);
            }
        }
        for (String base : new String[]{"1234567.1234", "-12.25", "170000.5", "1.2345"}) {
            for (int at = 0; at < base.length(); at++) {
                for (int b = 0; b < 256; b++) {
                    if (!Digits.isDigit(b)) {
                        numbers.add(base.substring(0, at) + (char) b + base.substring(at + 1));
                    }
                }
            }
        }
        for (String number : numbers) {
            byte[] text = number.getBytes(StandardCharsets.ISO_8859_1);
            for (int distance = 0; distance <= 20; distance++) {
                // the number, then ",5555…" up to `distance` bytes, then digits behind the range end
                byte[] array = new byte[3 + text.length + distance + 24];
                java.util.Arrays.fill(array, (byte) '8');
                System.arraycopy(text, 0, array, 3, text.length);
                int end = 3 + text.length + distance;
                for (int i = 3 + text.length; i < end; i++) {
                    array[i] = i == 3 + text.length ? (byte) ',' : (byte) '5';
                }
                for (boolean signed : new boolean[]{false, true}) {
                    FieldCursor cursor = new FieldCursor();
                    cursor.reset(array, 3, end);
                    long value = cursor.decimal(signed);
                    long[] expected = decimalByteByByte(array, 3, end, signed);
                    String as = String.format("'%s' %d bytes before the range end, signed %b", number, distance, signed);
                    assertThat(cursor.usual()).as(as).isEqualTo(expected != null);
                    if (expected != null) {
                        assertThat(value).as(as).isEqualTo(expected[0]);
                        assertThat(cursor.position()).as(as).isEqualTo((int) expected[1]);
                    }
                }
            }
        }
    }

    /** What {@link FieldCursor#decimal} must read from {@code p}, one byte at a time: {value, position}, or null when not usual. */
    private static long[] decimalByteByByte(byte[] b, int p, int end, boolean signed) {
        boolean negative = signed && p < end && b[p] == '-';
        if (negative) {
            p++;
        }
        int q = p;
        long value = 0;
        while (q < end && Digits.isDigit(b[q])) {
            value = value * 10 + (b[q++] - '0');
        }
        if (q == p || q - p > Digits.MAX_FAST_DECIMAL_DIGITS) {
            return null;
        }
        value *= FixedPoint.ONE;
        if (q < end && b[q] == '.') {
            int f = ++q;
            long fraction = 0;
            while (q < end && Digits.isDigit(b[q])) {
                fraction = fraction * 10 + (b[q++] - '0');
            }
            if (q == f || q - f > FixedPoint.SCALE) {
                return null;
            }
            value += fraction * Digits.FRACTION_SCALE[q - f];
        }
        return new long[]{negative ? -value : value, q};
    }

    /** A snapshot's fields after the name, with {@code %s} for the one under test (the volume's place). */
    private static final String SNAPSHOT = "lv1_600519=09:30:00,贵州茅台,1700.00,%s,%s,%s,1,1699,2,1698,3,1697,4,1696,5,1695,1,1701,2,1702,3,1703,4,1704,5,1705";
    private static final String NEXT_LINE = "\nlv2_600519=" + FOLLOWER + "\n";

    @Test
    void aSnapshotFollowedByMoreOfTheRangeReadsAsItDoesAlone() {
        // Its numbers are found from marks of 32 bytes at a time when the range goes on behind it, a word at a
        // time at the range end: fields of every length must read alike, wherever a block of marks ends.
        String digits = "1234567890123456789012";
        for (int length = 0; length <= 20; length++) {
            String number = digits.substring(0, length);
            String[] changes = {"0.5", "-0.5", "-" + number, number + ".25", "-" + number + ".12345", number};
            String[] amounts = {number, number + ".5", number + ".1234", number + ".12345", number + ".", "1." + number};
            for (int i = 0; i < changes.length; i++) {
                for (String volume : new String[]{number, "100"}) {
                    String line = String.format(SNAPSHOT, changes[i], volume, amounts[i]);
                    List<JvqEvent> alone = parseAt(line, 0, "");
                    List<JvqEvent> followed = parseAt(line + NEXT_LINE, 0, "");
                    List<Object> expected = new ArrayList<>(quotes(alone));
                    expected.add(FOLLOWING_TRADE);
                    assertThat(quotes(followed)).as(line).isEqualTo(expected);
                    assertThat(errors(followed)).as(line).hasSameSizeAs(errors(alone));
                }
            }
        }
    }

    @Test
    void aNonDigitInPlaceOfAnyDigitOfASnapshotFollowedByMoreOfTheRangeIsReported() {
        String line = String.format(SNAPSHOT, "-0.5", "123456789012", "170000.25");
        for (int at = line.indexOf(",1700.00"); at < line.length(); at++) {
            if (!Character.isDigit(line.charAt(at))) {
                continue;
            }
            for (String bad : new String[]{"x", "/", ":", " ", "中", "-", "e"}) {
                String changed = line.substring(0, at) + bad + line.substring(at + 1);
                List<JvqEvent> events = parseAt(changed + NEXT_LINE, 0, "");
                assertThat(quotes(events)).as(changed).containsExactly(FOLLOWING_TRADE);
                assertThat(errors(events)).as(changed).hasSize(1);
            }
        }
    }

    @Test
    void aTimeThatDiffersFromTheLastInAnyByteIsReadAgain() {
        // The fast paths remember the last time's bytes; a time that differs in any of them, well formed or
        // not, must read as it does in a parser that has seen nothing before.
        String book = ",1700.00,0.5,100,170000.0,1,1699,2,1698,3,1697,4,1696,5,1695,1,1701,2,1702,3,1703,4,1704,5,1705";
        String[][] shapes = {
                {"lv2_600519=", "09:30:00.120", ",1234567,1700.5,100", "|"},
                {"lv1_600519=", "09:30:00", ",贵州茅台" + book, "\n"}};
        for (String[] shape : shapes) {
            String first = shape[0] + shape[1] + shape[2];
            String again = (shape[3].equals("|") ? "" : shape[0]) + shape[1] + shape[2];
            for (int at = 0; at < shape[1].length(); at++) {
                for (String other : new String[]{"0", "1", "5", "9", "x", ":", ".", ",", "/"}) {
                    String time = shape[1].substring(0, at) + other + shape[1].substring(at + 1);
                    String changed = (shape[3].equals("|") ? "" : shape[0]) + time + shape[2];
                    List<JvqEvent> alone = parseAt(shape[0] + time + shape[2], 0, "");
                    List<JvqEvent> after = parseAt(first + shape[3] + changed + shape[3] + again, 0, "");
                    List<Object> expected = new ArrayList<>(quotes(parseAt(first, 0, "")));
                    expected.addAll(quotes(alone));
                    expected.addAll(quotes(parseAt(first, 0, "")));
                    assertThat(quotes(after)).as(changed).isEqualTo(expected);
                    assertThat(errors(after)).as(changed).hasSameSizeAs(errors(alone));
                }
            }
        }
    }

    @Test
    void aSnapshotsNameIsTheSameStringWhileItsBytesDoNotChange() {
        String book = ",1700.00,0.5,100,170000.0,1,1699,2,1698,3,1697,4,1696,5,1695,1,1701,2,1702,3,1703,4,1704,5,1705";
        String text = "lv1_600519=09:30:00,贵州茅台" + book + "\nlv1_600519=09:30:03,贵州茅台" + book
                + "\nlv1_600519=09:30:06,茅台" + book + "\n";
        Recorder r = new Recorder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new QuoteParser().parse(bytes, 0, bytes.length, r.sink);
        List<Level1Quote> quotes = r.events.stream().map(Level1Quote.class::cast).toList();
        assertThat(quotes).extracting(Level1Quote::name).containsExactly("贵州茅台", "贵州茅台", "茅台");
        assertThat(quotes.get(1).name()).isSameAs(quotes.get(0).name());
    }
}
