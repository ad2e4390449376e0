package io.jvq.kafka;

import io.jvq.core.Digits;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteHeadersTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 123_456_789, 1_764_740_000_123_456_789L, Long.MAX_VALUE, -1, Long.MIN_VALUE})
    void numberIsTheDecimalTextAndReadsBack(long value) {
        byte[] digits = QuoteHeaders.number(value, new byte[Digits.MAX_BYTES]);

        assertThat(new String(digits, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
        if (value >= 0) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(QuoteHeaders.SEQUENCE, digits);
            assertThat(QuoteHeaders.number(headers, QuoteHeaders.SEQUENCE, -1)).isEqualTo(value);
        }
    }
}
