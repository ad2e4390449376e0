package io.jvq.core.market;

import io.jvq.core.TimeOfDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class MarketPhaseTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "09:14:59.999, PRE_OPEN",
        "09:15:00,     OPENING_AUCTION",
        "09:24:59.999, OPENING_AUCTION",
        "09:25:00,     AWAITING_CONTINUOUS",
        "09:30:00,     CONTINUOUS",
        "11:29:59.999, CONTINUOUS",
        "11:30:00,     LUNCH_BREAK",
        "13:00:00,     CONTINUOUS",
        "14:56:59.999, CONTINUOUS",
        "14:57:00,     CLOSING_AUCTION",
        "15:00:00,     CLOSED",
    })
    void theTradingDayBothExchangesKeep(String time, MarketPhase phase) {
        assertThat(MarketPhase.at(TimeOfDay.of(LocalTime.parse(time)))).isEqualTo(phase);
    }
}
