package io.jvq.core;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Quote times as milliseconds since midnight. */
class TimeOfDayTest {

    @Test
    void countsMillisecondsSinceMidnight() {
        assertThat(TimeOfDay.of(0, 0, 0, 0)).isZero();
        assertThat(TimeOfDay.of(9, 30, 0, 120)).isEqualTo(34_200_120);
        assertThat(TimeOfDay.of(23, 59, 59, 999)).isEqualTo(86_399_999);
    }

    @Test
    void convertsToAndFromLocalTime() {
        assertThat(TimeOfDay.toLocalTime(34_200_120)).isEqualTo(LocalTime.of(9, 30, 0, 120_000_000));
        assertThat(TimeOfDay.of(LocalTime.of(14, 59, 59, 123_456_789))).isEqualTo(TimeOfDay.of(14, 59, 59, 123));
    }

    @Test
    void formatsAsTheWireWritesIt() {
        assertThat(TimeOfDay.format(34_200_120, true)).isEqualTo("09:30:00.120");
        assertThat(TimeOfDay.format(34_200_120, false)).isEqualTo("09:30:00");
        assertThat(TimeOfDay.format(0, true)).isEqualTo("00:00:00.000");
        assertThat(TimeOfDay.format(86_399_999, true)).isEqualTo("23:59:59.999");
        assertThat(TimeOfDay.format(TimeOfDay.of(14, 5, 9, 7), true)).isEqualTo("14:05:09.007");
    }
}
