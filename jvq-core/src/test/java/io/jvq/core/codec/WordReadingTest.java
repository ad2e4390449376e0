package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;

import static io.jvq.core.FixedPoint.of;
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
    void aTradeReadsTheSameAtEveryDistanceFromTheArrayEnd() {
        for (int idDigits = 1; idDigits <= 18; idDigits++) {
            long id = Long.parseLong("123456789012345678".substring(0, idDigits));
            String line = "lv2_600519=09:30:00.120," + id + ",1700.5,100";
            Level2Trade expected = new Level2Trade(CODE, TimeOfDay.of(LocalTime.parse("09:30:00.120")), id, of("1700.5"), 100);
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
