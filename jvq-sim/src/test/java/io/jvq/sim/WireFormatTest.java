package io.jvq.sim;

import io.jvq.core.SubscriptionCode;
import io.jvq.sim.WireLines.Line;
import io.jvq.sim.WireLines.Lv1;
import io.jvq.sim.WireLines.Lv10;
import io.jvq.sim.WireLines.Trade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatTest {
    private static final Pattern TWO_DECIMALS = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern THREE_DECIMALS = Pattern.compile("\\d+\\.\\d{3}");
    private static final Pattern TRADE_TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    private static List<TradingDay.Tick> day;
    private static List<Line> lines;

    @BeforeAll
    static void tradeADay() {
        MarketSimulator market = MarketSimulator.builder().seed(5).startTime(LocalTime.of(9, 10))
                .tickInterval(Duration.ofSeconds(30)).build();
        day = TradingDay.run(market, TradingDay.allLevels(TradingDay.SYMBOLS), LocalTime.of(15, 3));
        lines = TradingDay.lines(day);
    }

    @Test
    void everyLineIsAValidSubscriptionCodeAndPayload() {
        assertThat(lines).isNotEmpty();
        for (Line line : lines) {
            assertThat(SubscriptionCode.parse(line.flag() + "_" + line.symbol()).symbol()).isEqualTo(line.symbol());
            assertThat(line.payload()).isNotEmpty().doesNotContain("\r", "\n");
        }
        assertThat(day).allSatisfy(t -> assertThat(t.text()).endsWith("\n"));
    }

    @Test
    void level1Has26FieldsLevel2FourPerTradeLevel10Has46() {
        long lv1 = 0;
        long lv2 = 0;
        long lv10 = 0;
        for (Line line : lines) {
            switch (line.flag()) {
                case "lv1" -> {
                    assertThat(line.fields()).as(line.toString()).hasSize(26);
                    lv1++;
                }
                case "lv2" -> {
                    for (String trade : line.payload().split("\\|", -1)) {
                        assertThat(trade.split(",", -1)).as(trade).hasSize(4);
                    }
                    lv2++;
                }
                case "lv10" -> {
                    assertThat(line.fields()).as(line.toString()).hasSize(46);
                    lv10++;
                }
                default -> throw new AssertionError("unexpected flag in " + line);
            }
        }
        assertThat(lv1).isEqualTo(lv10).isEqualTo((long) day.size() * TradingDay.SYMBOLS.size());
        assertThat(lv2).isPositive();
    }

    @Test
    void snapshotsCarryTheClockAndTradesCarryMilliseconds() {
        for (TradingDay.Tick tick : day) {
            String clock = tick.clock().toString().length() == 5 ? tick.clock() + ":00" : tick.clock().toString();
            for (Line line : WireLines.lines(tick.text())) {
                if (line.flag().equals("lv2")) {
                    assertThat(WireLines.lv2(line)).allSatisfy(t ->
                            assertThat(t.time()).matches(TRADE_TIME));
                } else {
                    assertThat(line.fields()[0]).isEqualTo(clock);
                }
            }
        }
    }

    @Test
    void pricesHaveTwoDecimalsForStocksAndThreeForBondsAndFunds() {
        int bondOrFundPrices = 0;
        for (Line line : lines) {
            Pattern pattern = WireLines.priceDecimals(line.symbol()) == 3 ? THREE_DECIMALS : TWO_DECIMALS;
            switch (line.flag()) {
                case "lv1" -> {
                    Lv1 q = WireLines.lv1(line);
                    assertThat(q.priceText()).matches(pattern);
                    q.bids().forEach(l -> assertThat(l.empty() || pattern.matcher(l.priceText()).matches()).as(l.priceText()).isTrue());
                    q.asks().forEach(l -> assertThat(l.empty() || pattern.matcher(l.priceText()).matches()).as(l.priceText()).isTrue());
                    if (WireLines.priceDecimals(line.symbol()) == 3) {
                        bondOrFundPrices++;
                    }
                }
                case "lv2" -> WireLines.lv2(line).forEach(t -> assertThat(t.priceText()).matches(pattern));
                default -> {
                    Lv10 b = WireLines.lv10(line);
                    assertThat(b.priceText()).matches(pattern);
                    assertThat(b.lastCloseText()).matches(pattern);
                    b.bids().forEach(l -> assertThat(l.empty() || pattern.matcher(l.priceText()).matches()).as(l.priceText()).isTrue());
                    b.asks().forEach(l -> assertThat(l.empty() || pattern.matcher(l.priceText()).matches()).as(l.priceText()).isTrue());
                }
            }
        }
        assertThat(bondOrFundPrices).isPositive();
    }

    @Test
    void changeIsExactPercentOfThePreviousCloseWithTwoDecimals() {
        int nonZero = 0;
        for (TradingDay.Tick tick : day) {
            Map<String, Lv10> books = new HashMap<>();
            List<Line> tickLines = WireLines.lines(tick.text());
            tickLines.stream().filter(l -> l.flag().equals("lv10")).forEach(l -> books.put(l.symbol(), WireLines.lv10(l)));
            for (Line line : tickLines) {
                if (!line.flag().equals("lv1")) {
                    continue;
                }
                Lv1 q = WireLines.lv1(line);
                BigDecimal close = books.get(q.symbol()).lastClose();
                BigDecimal expected = q.price().subtract(close).multiply(BigDecimal.valueOf(100))
                        .divide(close, 2, RoundingMode.HALF_UP);
                assertThat(q.changeText()).as(line.toString()).isEqualTo(expected.toPlainString());
                if (expected.signum() != 0) {
                    nonZero++;
                }
            }
        }
        assertThat(nonZero).isPositive();
    }

    @Test
    void amountHasTwoDecimalsAndVolumeIsAnInteger() {
        for (Line line : lines) {
            if (line.flag().equals("lv1")) {
                assertThat(line.fields()[5]).matches(TWO_DECIMALS);
                assertThat(line.fields()[4]).matches(INTEGER);
            } else if (line.flag().equals("lv10")) {
                assertThat(line.fields()[4]).matches(TWO_DECIMALS);
                assertThat(line.fields()[5]).matches(INTEGER);
            }
        }
    }

    @Test
    void wellKnownCodesCarryTheirNames() {
        MarketSimulator market = MarketSimulator.builder().build();
        Map<String, String> names = Map.of("600519", "贵州茅台", "000001", "平安银行", "601318", "中国平安",
                "600036", "招商银行", "000858", "五粮液", "300750", "宁德时代", "688981", "中芯国际",
                "002594", "比亚迪", "601012", "隆基绿能", "127063", "贵轮转债");
        names.forEach((symbol, name) -> {
            Line line = Line.parse(market.lv1Line(symbol));
            assertThat(WireLines.lv1(line).name()).isEqualTo(name);
        });
        assertThat(WireLines.lv1(Line.parse(market.lv1Line("600112"))).name()).startsWith("*ST");
    }

    @Test
    void otherCodesGetStableMadeUpNames() {
        MarketSimulator a = MarketSimulator.builder().seed(1).build();
        MarketSimulator b = MarketSimulator.builder().seed(2).build();
        for (String symbol : List.of("603123", "301234", "113050", "159901", "161005", "i000300")) {
            String name = WireLines.lv1(Line.parse(a.lv1Line(symbol))).name();
            assertThat(name).isNotBlank().doesNotContain(",", "|", "=");
            assertThat(WireLines.lv1(Line.parse(b.lv1Line(symbol))).name()).isEqualTo(name);
        }
        assertThat(WireLines.lv1(Line.parse(a.lv1Line("113050"))).name()).endsWith("转债");
        assertThat(WireLines.lv1(Line.parse(a.lv1Line("159901"))).name()).endsWith("ETF");
    }

    @Test
    void level1AndLevel10OfOneTickAgreeOnPriceVolumeAmountAndTopFiveLevels() {
        for (TradingDay.Tick tick : day) {
            Map<String, Lv1> quotes = new HashMap<>();
            List<Line> tickLines = WireLines.lines(tick.text());
            tickLines.stream().filter(l -> l.flag().equals("lv1")).forEach(l -> quotes.put(l.symbol(), WireLines.lv1(l)));
            for (Line line : tickLines) {
                if (line.flag().equals("lv10")) {
                    Lv10 book = WireLines.lv10(line);
                    Lv1 quote = quotes.get(book.symbol());
                    assertThat(book.priceText()).isEqualTo(quote.priceText());
                    assertThat(book.volume()).isEqualTo(quote.volume());
                    assertThat(book.amountText()).isEqualTo(quote.amountText());
                    assertThat(book.name()).isEqualTo(quote.name());
                    assertThat(book.bids().subList(0, 5)).isEqualTo(quote.bids());
                    assertThat(book.asks().subList(0, 5)).isEqualTo(quote.asks());
                }
            }
        }
    }

    @Test
    void tradeIdsAreNonNegativeIntegers() {
        for (Line line : lines) {
            if (line.flag().equals("lv2")) {
                for (Trade t : WireLines.lv2(line)) {
                    assertThat(t.id()).isNotNegative();
                }
            }
        }
    }
}
