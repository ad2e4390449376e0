package io.jvq.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DigitsTest {

    @Test
    void writesWhatLongToStringWouldForAnyValue() {
        SplittableRandom random = new SplittableRandom(7);
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        byte[] out = new byte[Digits.MAX_BYTES + 2];
        for (int i = 0; i < 100_000; i++) {
            long value = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            int end = Digits.write(out, 2, value);
            assertThat(new String(out, 2, end - 2, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
        }
    }
}
