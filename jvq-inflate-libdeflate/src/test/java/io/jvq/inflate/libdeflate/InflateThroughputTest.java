package io.jvq.inflate.libdeflate;

import io.jvq.core.QuoteLevel;
import org.junit.jupiter.api.Test;

import java.util.zip.DataFormatException;

import static org.assertj.core.api.Assertions.assertThat;

/** The throughput harness runs (one short round), so that it cannot rot. */
class InflateThroughputTest {

    @Test
    void measuresBothInflatersInflatingAndDecoding() throws DataFormatException {
        assertThat(InflateThroughput.run(QuoteLevel.LV2, 16384, 1, 0.05))
                .extracting(f -> f.inflater() + " " + f.work())
                .containsExactly("java.util.zip.Inflater inflate", "libdeflate inflate", "java.util.zip.Inflater decode",
                        "libdeflate decode");
        assertThat(InflateThroughput.run(QuoteLevel.LV1, 4096, 1, 0.05))
                .allSatisfy(f -> assertThat(f.medianMegabytesPerSecond()).isPositive());
    }
}
