package io.jvq.cli.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {

    @Test
    void theLowestIsTheShortestBarAndTheHighestTheTallest() {
        assertThat(Sparkline.of(List.of(10L, 17L, 11L, 13L, 15L, 16L, 14L, 12L))).isEqualTo("▁█▂▄▆▇▅▃");
    }

    @Test
    void aFlatSeriesSitsInTheMiddle() {
        assertThat(Sparkline.of(List.of(5L, 5L, 5L))).isEqualTo("▄▄▄");
    }

    @Test
    void noValuesNoLine() {
        assertThat(Sparkline.of(List.of())).isEmpty();
    }
}
