package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;
import java.util.List;

import static io.jvq.core.codec.Recorder.errors;
import static io.jvq.core.codec.Recorder.parse;
import static io.jvq.core.codec.Recorder.quotes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Level-2 trades in the feed's usual shape ({@code HH:MM:SS.mmm,id,price,quantity}) take a one-pass
 * fast path; every other shape goes through the general field-splitting path. Either way the result
 * must be the same: these cases sit on the border between the two.
 */
class TradeFastPathTest {

    private static Level2Trade trade(String time, long id, String price, long quantity) {
        return new Level2Trade(SubscriptionCode.parse("lv2_600519"), TimeOfDay.of(LocalTime.parse(time)), id,
                FixedPoint.of(price), quantity);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // the usual shape, with 0 to 4 decimal places and the largest numbers taken
            "09:30:00.120,1234567,1700.50,100; 09:30:00.120; 1234567; 1700.50; 100",
            "14:59:59.999,9,123.456,10; 14:59:59.999; 9; 123.456; 10",
            "13:00:00.000,1,1700,1; 13:00:00.000; 1; 1700; 1",
            "09:30:00.001,1,0.0001,1; 09:30:00.001; 1; 0.0001; 1",
            "23:59:59.999,999999999999999999,99999999999999.9999,999999999999999999; 23:59:59.999; 999999999999999999; 99999999999999.9999; 999999999999999999",
            // shapes the fast path hands to the general path, which accepts them
            "1234567,09:30:00.120,1700.50,100; 09:30:00.120; 1234567; 1700.50; 100",
            "09:30:00,1,1700.50,100; 09:30:00; 1; 1700.50; 100",
            "09:30:00.120,1,1.23450,1; 09:30:00.120; 1; 1.2345; 1",
            "09:30:00.120,1,100000000000000.5,1; 09:30:00.120; 1; 100000000000000.5; 1",
            "09:30:00.120,1000000000000000000,1,1; 09:30:00.120; 1000000000000000000; 1; 1",
    })
    void decodesEachShapeToTheSameTrade(String record, String time, long id, String price, long quantity) {
        assertThat(parse("lv2_600519=" + record)).containsExactly(trade(time, id, price, quantity));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "24:00:00.000,1,1.5,100; hour is not 00-23",
            "09:60:00.000,1,1.5,100; minute is not 00-59",
            "09:30:00.1x0,1,1.5,100; not a time",
            "09:30:00.120,1,1.,100; not a decimal number",
            "09:30:00.120,1,.5,100; not a decimal number",
            "09:30:00.120,1,-1.5,100; negative",
            "09:30:00.120,1,1.23456,100; more than 4 decimal places",
            "09:30:00.120,1,1.5,; empty",
            "09:30:00.120,1,1.5; expected 4 comma-separated fields, got 3",
    })
    void reportsABadTradeBetweenGoodOnesWithItsPosition(String bad, String problem) {
        List<JvqEvent> events = parse("lv2_600519=09:30:00.120,1,1.5,100|" + bad + "|09:30:00.121,3,1.5,100");

        assertThat(quotes(events)).containsExactly(trade("09:30:00.120", 1, "1.5", 100), trade("09:30:00.121", 3, "1.5", 100));
        List<DecodeError> errors = errors(events);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).contains("lv2 trade 2 of 3").contains(problem);
        assertThat(events.indexOf(errors.get(0))).as("the error stands where the bad trade was").isEqualTo(1);
    }

    @Test
    void skipsEmptyPartsAndReadsAFinalTradeThatEndsTheLine() {
        assertThat(parse("lv2_600519=09:30:00.120,1,1.5,100||09:30:00.121,2,1.6,200\r\n"))
                .containsExactly(trade("09:30:00.120", 1, "1.5", 100), trade("09:30:00.121", 2, "1.6", 200));
    }

    @Test
    void readsEachTradeByItsOwnLayoutWhenItDiffersFromTheTradeBefore() {
        // The fast path first tries the id and price layouts of the trade before; each trade here changes
        // one of them (width, '.', decimal places, or a byte that only looks like the learnt layout).
        String[] records = {
                "09:30:00.120,5317453,13.11,300", "09:30:00.121,5317454,13.11,400", "09:30:00.122,531745,13.11,500",
                "09:30:00.123,53174567,13.11,600", "09:30:00.124,5317455,9.99,700", "09:30:00.125,5317456,13.1,800",
                "09:30:00.126,5317457,13,900", "09:30:00.127,5317458,13.115,1000", "09:30:00.128,5317459,1300.1,1100",
                "09:30:00.129,5317460,13.11,1200", "09:30:00.130,5317461,13.11,1300", "09:30:00.131,5317462,13.11,1400",
        };
        String[] prices = {"13.11", "13.11", "13.11", "13.11", "9.99", "13.1", "13", "13.115", "1300.1", "13.11", "13.11", "13.11"};
        long[] ids = {5317453, 5317454, 531745, 53174567, 5317455, 5317456, 5317457, 5317458, 5317459, 5317460, 5317461, 5317462};
        Level2Trade[] expected = new Level2Trade[records.length];
        for (int i = 0; i < records.length; i++) {
            expected[i] = trade(records[i].substring(0, 12), ids[i], prices[i], 300 + 100L * i);
        }

        assertThat(parse("lv2_600519=" + String.join("|", records) + "\n")).containsExactly(expected);
    }

    @Test
    void reportsAFieldThatLooksLikeTheLearntLayoutButIsNot() {
        List<JvqEvent> events = parse("lv2_600519=09:30:00.120,5317453,13.11,300|09:30:00.121,53174:4,13.11,400"
                + "|09:30:00.122,5317455,13.1x,500|09:30:00.123,5317456,13.11,600|09:30:00.124,5317457,13.11,600");

        assertThat(quotes(events)).containsExactly(trade("09:30:00.120", 5317453, "13.11", 300),
                trade("09:30:00.123", 5317456, "13.11", 600), trade("09:30:00.124", 5317457, "13.11", 600));
        assertThat(errors(events)).hasSize(2);
        assertThat(errors(events).get(0).toString()).contains("lv2 trade 2 of 5").contains("trade id");
        assertThat(errors(events).get(1).toString()).contains("lv2 trade 3 of 5").contains("price");
    }
}
