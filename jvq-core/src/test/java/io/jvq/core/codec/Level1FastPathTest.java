package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
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
 * Level-1 snapshots in the usual shape take a one-pass fast path; any other shape goes through the
 * general field-splitting path. The result must be the same either way: these cases sit on the border.
 */
class Level1FastPathTest {
    private static final String BOOK = "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "600,1700.50,700,1700.51,800,1700.52,900,1700.53,1000,1700.54";
    private static final long[] BOOK_VALUES = {
            100, FixedPoint.of("1700.49"), 200, FixedPoint.of("1700.48"), 300, FixedPoint.of("1700.47"),
            400, FixedPoint.of("1700.46"), 500, FixedPoint.of("1700.45"),
            600, FixedPoint.of("1700.50"), 700, FixedPoint.of("1700.51"), 800, FixedPoint.of("1700.52"),
            900, FixedPoint.of("1700.53"), 1000, FixedPoint.of("1700.54")};

    private static Level1Quote quote(String time, String name, String price, String change, long volume, String amount,
                                     long[] book) {
        return new Level1Quote(SubscriptionCode.parse("lv1_600519"), TimeOfDay.of(LocalTime.parse(time)), name,
                FixedPoint.of(price), FixedPoint.of(change), volume, FixedPoint.of(amount), book);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // the usual shape
            "14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50; 14:59:59; 贵州茅台; 1700.50; 1.23; 12345678; 20987654321.50",
            "09:30:00,平安银行,10.5,-1.2345,0,0; 09:30:00; 平安银行; 10.5; -1.2345; 0; 0",
            "09:30:00,,99999999999999.9999,-0.00,999999999999999999,1; 09:30:00; ''; 99999999999999.9999; 0; 999999999999999999; 1",
            // shapes the fast path hands to the general path, which accepts them
            "14:59:59.000,贵州茅台,1700.50,1.23,12345678,20987654321.50; 14:59:59; 贵州茅台; 1700.50; 1.23; 12345678; 20987654321.50",
            "14:59:59,贵州茅台,1700.500000,1.23,12345678,1.00000; 14:59:59; 贵州茅台; 1700.50; 1.23; 12345678; 1",
            "14:59:59,贵州茅台,1700.50,1.23,1000000000000000000,1; 14:59:59; 贵州茅台; 1700.50; 1.23; 1000000000000000000; 1",
    })
    void decodesEachShapeToTheSameSnapshot(String head, String time, String name, String price, String change,
                                           long volume, String amount) {
        assertThat(parse("lv1_600519=" + head + "," + BOOK))
                .containsExactly(quote(time, name, price, change, volume, amount, BOOK_VALUES));
    }

    @Test
    void readsEmptyLevelsAsZeros() {
        String empty = "0,0,".repeat(9) + "0,0";
        assertThat(parse("lv1_600519=15:00:00,贵州茅台,1870.00,10.00,1,1.00," + empty))
                .containsExactly(quote("15:00:00", "贵州茅台", "1870.00", "10.00", 1, "1.00", new long[20]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "24:00:00,X,1,1,1,1; hour is not 00-23",
            "09:30:60,X,1,1,1,1; second is not 00-59",
            "09:30:00,X,-1,1,1,1; negative",
            "09:30:00,X,1,1,1.5,1; not a non-negative integer",
            "09:30:00,X,1,1,1,1.23456; more than 4 decimal places",
            "09:30:00,X,1,1,,1; empty",
    })
    void reportsABadSnapshotBetweenGoodOnesWithItsPosition(String badHead, String problem) {
        String good = "14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50," + BOOK;
        List<JvqEvent> events = parse("lv1_600519=" + good + "|" + badHead + "," + BOOK + "|" + good);

        Level1Quote expected = quote("14:59:59", "贵州茅台", "1700.50", "1.23", 12345678, "20987654321.50", BOOK_VALUES);
        assertThat(quotes(events)).containsExactly(expected, expected);
        List<DecodeError> errors = errors(events);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).contains("lv1 snapshot 2 of 3").contains(problem);
        assertThat(events.indexOf(errors.get(0))).as("the error stands where the bad snapshot was").isEqualTo(1);
    }

    @Test
    void leavesAnExtraTrailingFieldToTheTolerantGeneralPath() {
        List<JvqEvent> events = parse("lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50," + BOOK + ",7");
        assertThat(quotes(events)).singleElement()
                .isEqualTo(parse("lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50," + BOOK).get(0));
        assertThat(errors(events)).isEmpty();
    }
}
