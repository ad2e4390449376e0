package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Events as a person reads them when printed: the symbol, the time, prices as plain decimals. */
class EventsAsPrintedTest {
    private static final int NINE_THIRTY = LocalTime.of(9, 30).toSecondOfDay() * 1000;

    @Test
    void aTradePrintsSymbolTimeIdPriceAndQuantity() {
        Level2Trade trade = new Level2Trade(SubscriptionCode.lv2("600519"), NINE_THIRTY + 120, 1,
                FixedPoint.of("1700.50"), 100);

        assertThat(trade).hasToString("Level2Trade[600519 09:30:00.120 #1 1700.50 x 100]");
    }

    @Test
    void theCodeIsTheSubscriptionCodeAndItsSymbolTheSecurityAlone() {
        Level2Trade trade = new Level2Trade(SubscriptionCode.lv2("600519"), NINE_THIRTY, 1, FixedPoint.of("1700.50"), 100);

        assertThat(trade.code()).hasToString("lv2_600519");
        assertThat(trade.code().symbol()).isEqualTo("600519");
    }

    @Test
    void priceDecimalPrintsAsPeopleWriteIt() {
        Level2Trade trade = new Level2Trade(SubscriptionCode.lv2("600519"), NINE_THIRTY, 1, FixedPoint.of("1500.52"), 100);
        Level2Trade fund = new Level2Trade(SubscriptionCode.lv2("510300"), NINE_THIRTY, 2, FixedPoint.of("3.851"), 100);
        Level2Trade round = new Level2Trade(SubscriptionCode.lv2("600000"), NINE_THIRTY, 3, FixedPoint.of("8"), 100);

        assertThat(trade.priceDecimal()).hasToString("1500.52").isEqualByComparingTo(new BigDecimal("1500.5200"));
        assertThat(fund.priceDecimal()).hasToString("3.851");
        assertThat(round.priceDecimal()).hasToString("8.00");
        assertThat(trade.price()).as("fixed point, 1/10,000 yuan").isEqualTo(15_005_200L);
    }

    @Test
    void aLevel1QuotePrintsSymbolNameTimePriceChangeAndTheLevelsThatAreNotEmpty() {
        long[] book = new long[4 * Level1Quote.DEPTH];
        book[0] = 100;
        book[1] = FixedPoint.of("1700.49");
        book[2] = 200;
        book[3] = FixedPoint.of("1700.48");
        book[10] = 300;
        book[11] = FixedPoint.of("1700.51");
        Level1Quote quote = new Level1Quote(SubscriptionCode.lv1("600519"), NINE_THIRTY + 3000, "贵州茅台",
                FixedPoint.of("1700.50"), FixedPoint.of("1.23"), 1200, FixedPoint.of("2040600"), book);

        assertThat(quote).hasToString("Level1Quote[600519 贵州茅台 09:30:03 1700.50 +1.23% vol=1200 amt=2040600.00"
                + " bid=100@1700.49,200@1700.48 ask=300@1700.51]");
        assertThat(quote.priceDecimal()).hasToString("1700.50");
        assertThat(quote.changePercentDecimal()).hasToString("1.23");
    }

    @Test
    void aFallingQuoteWithAnEmptyBookPrintsItsSignAndNoLevels() {
        Level1Quote quote = new Level1Quote(SubscriptionCode.lv1("000001"), NINE_THIRTY, "平安银行",
                FixedPoint.of("10.20"), FixedPoint.of("-0.5"), 0, 0, new long[4 * Level1Quote.DEPTH]);

        assertThat(quote).hasToString("Level1Quote[000001 平安银行 09:30:00 10.20 -0.50% vol=0 amt=0.00]");
    }

    @Test
    void toDecimalKeepsTwoToFourPlaces() {
        assertThat(FixedPoint.toDecimal(15_005_200)).hasToString("1500.52");
        assertThat(FixedPoint.toDecimal(17_005_000)).hasToString("1700.50");
        assertThat(FixedPoint.toDecimal(1)).hasToString("0.0001");
        assertThat(FixedPoint.toDecimal(-38_510)).hasToString("-3.851");
        assertThat(FixedPoint.toDecimal(Long.MIN_VALUE)).isEqualByComparingTo(FixedPoint.toBigDecimal(Long.MIN_VALUE));
    }
}
