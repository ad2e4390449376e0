package io.jvq.core.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-at-a-time readers agree with reading one byte at a time, whatever byte sits where. */
class SwarTest {

    private static long word(String eightChars) {
        return Swar.word(eightChars.getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    @ParameterizedTest(name = "non-digit {0}")
    @ValueSource(ints = {'/', ':', '.', ',', '|', '\n', '\r', ' ', 'x', 0x00, 0x80, 0xE4, 0xFA, 0xFF})
    void countsTheDigitsBeforeANonDigitAtEachPosition(int nonDigit) {
        for (int at = 0; at < 8; at++) {
            byte[] bytes = "98765432".getBytes(StandardCharsets.ISO_8859_1);
            bytes[at] = (byte) nonDigit;
            // the bytes after the first non-digit may be anything, carries included
            for (int after = at + 1; after < 8; after++) {
                bytes[after] = (byte) 0xFF;
            }
            assertThat(Swar.leadingDigits(Swar.word(bytes, 0))).as("non-digit at %d", at).isEqualTo(at);
        }
        assertThat(Swar.leadingDigits(word("01234567"))).isEqualTo(8);
    }

    @Test
    void flagsExactlyTheBytesThatAreNotDigitsWhateverSurroundsThem() {
        // Every byte value at every position, among digits and among the bytes most likely to carry or borrow.
        int[] others = {'0', '9', '.', '/', ':', 0x00, 0x7F, 0x80, 0xF9, 0xFA, 0xFF};
        for (int at = 0; at < 8; at++) {
            for (int value = 0; value < 256; value++) {
                for (int other : others) {
                    byte[] bytes = new byte[8];
                    java.util.Arrays.fill(bytes, (byte) other);
                    bytes[at] = (byte) value;
                    assertThat(Swar.nonDigits(Swar.word(bytes, 0))).as("%02x at %d among %02x", value, at, other)
                            .isEqualTo(nonDigitsByteByByte(bytes));
                }
            }
        }
        Random random = new Random(24);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            for (int k = 0; k < 8; k++) {
                if (random.nextBoolean()) {
                    bytes[k] = (byte) ('0' + random.nextInt(10));
                }
            }
            assertThat(Swar.nonDigits(Swar.word(bytes, 0))).as(java.util.Arrays.toString(bytes))
                    .isEqualTo(nonDigitsByteByByte(bytes));
        }
    }

    private static long nonDigitsByteByByte(byte[] bytes) {
        long flags = 0;
        for (int k = 0; k < 8; k++) {
            if (bytes[k] < '0' || bytes[k] > '9') {
                flags |= 0x80L << (k << 3);
            }
        }
        return flags;
    }

    @Test
    void findsTheFirstSeparatorWhateverBytesSurroundIt() {
        // Neighbours of the separators' values, UTF-8 lead and continuation bytes, zero and 0xFF.
        int[] others = {'+', '-', '{', '}', 0x09, 0x0B, 0x00, 0x01, 0x7F, 0x80, 0x81, 0xAC, 0xE4, 0xFC, 0xFF, '0', 'x'};
        for (int separator : new int[]{',', '|', '\n'}) {
            for (int at = 0; at < 8; at++) {
                for (int other : others) {
                    byte[] bytes = new byte[8];
                    java.util.Arrays.fill(bytes, (byte) other);
                    bytes[at] = (byte) separator;
                    assertThat(Swar.firstSeparator(Swar.word(bytes, 0))).as("%02x at %d among %02x", separator, at, other)
                            .isEqualTo(at);
                }
            }
        }
        Random random = new Random(8);
        byte[] pool = {',', '|', '\n', '+', '-', '{', '}', 0x0B, 0x00, 0x01, (byte) 0x80, (byte) 0xE4, (byte) 0xFF, '5'};
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[8];
            for (int k = 0; k < 8; k++) {
                bytes[k] = pool[random.nextInt(pool.length)];
            }
            int expected = 0;
            while (expected < 8 && bytes[expected] != ',' && bytes[expected] != '|' && bytes[expected] != '\n') {
                expected++;
            }
            assertThat(Swar.firstSeparator(Swar.word(bytes, 0))).as(java.util.Arrays.toString(bytes)).isEqualTo(expected);
        }
    }

    @Test
    void readsTheValueOfOneToEightDigits() {
        Random random = new Random(16);
        for (int i = 0; i < 10_000; i++) {
            StringBuilder digits = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String padded = (digits + ",|x\n999999").substring(0, 8);
            assertThat(Swar.digitsValue(word(padded), n)).as(padded).isEqualTo(Long.parseLong(digits.toString()));
        }
        assertThat(Swar.digitsValue(word("99999999"), 8)).isEqualTo(99_999_999L);
        assertThat(Swar.digitsValue(word("00000000"), 8)).isZero();
    }

    @Test
    void readsEveryClockTimeOfTheDay() {
        for (int s = 0; s < 24 * 3600; s += 7) {
            String clock = LocalTime.ofSecondOfDay(s).toString();
            clock = clock.length() == 5 ? clock + ":00" : clock;
            assertThat(Swar.clockSeconds(word(clock))).as(clock).isEqualTo(s);
        }
        assertThat(Swar.clockSeconds(word("23:59:59"))).isEqualTo(86_399);
    }

    @Test
    void refusesAClockWithAnyByteOutOfPlace() {
        String good = "09:30:05";
        for (int at = 0; at < 8; at++) {
            for (char c : new char[]{'x', '/', ';', '.', ' ', (char) 0xFF}) {
                char[] chars = good.toCharArray();
                if (chars[at] == c) {
                    continue;
                }
                chars[at] = c;
                assertThat(Swar.clockSeconds(word(new String(chars)))).as(new String(chars)).isEqualTo(-1);
            }
        }
        for (String outOfRange : new String[]{"24:00:00", "09:60:00", "09:30:60", "99:99:99"}) {
            assertThat(Swar.clockSeconds(word(outOfRange))).as(outOfRange).isEqualTo(-1);
        }
    }
}
