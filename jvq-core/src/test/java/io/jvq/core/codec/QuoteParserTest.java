package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.jvq.core.codec.Recorder.errors;
import static io.jvq.core.codec.Recorder.parse;
import static io.jvq.core.codec.Recorder.quotes;
import static org.assertj.core.api.Assertions.assertThat;

/** The lv1 / lv2 / lv10 grammar of docs/PROTOCOL.md §5 and the bad-input rules of §6, on inflated text. */
class QuoteParserTest {

    static final String MOUTAI_BOOK = "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "600,1700.50,700,1700.51,800,1700.52,900,1700.53,1000,1700.54";
    /** docs/PROTOCOL.md §5.1's example, with the book filled in. */
    static final String MOUTAI = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50," + MOUTAI_BOOK;
    /** docs/PROTOCOL.md §5.2's example. */
    static final String MOUTAI_TRADES = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300";

    static Level2Trade trade(String code, String time, long id, String price, long quantity) {
        return new Level2Trade(SubscriptionCode.parse(code), TimeOfDay.of(java.time.LocalTime.parse(time)), id,
                FixedPoint.of(price), quantity);
    }

    @Nested
    class Level1 {
        @Test
        void readsEveryFieldOfTheProtocolExample() {
            List<JvqEvent> events = parse(MOUTAI);

            assertThat(events).hasSize(1).first().isInstanceOf(Level1Quote.class);
            Level1Quote q = (Level1Quote) events.get(0);
            assertThat(q.code()).isEqualTo(SubscriptionCode.lv1("600519"));
            assertThat(q.timeOfDayMillis()).isEqualTo(TimeOfDay.of(14, 59, 59, 0));
            assertThat(q.name()).isEqualTo("贵州茅台");
            assertThat(q.price()).isEqualTo(FixedPoint.of("1700.50"));
            assertThat(q.changePercent()).isEqualTo(12_300L);
            assertThat(q.volume()).isEqualTo(12_345_678L);
            assertThat(q.amount()).isEqualTo(FixedPoint.of("20987654321.50"));
            for (int level = 1; level <= 5; level++) {
                assertThat(q.bidQuantity(level)).isEqualTo(100L * level);
                assertThat(q.bidPrice(level)).isEqualTo(FixedPoint.of("1700.50") - 100L * level);
                assertThat(q.askQuantity(level)).isEqualTo(100L * (level + 5));
                assertThat(q.askPrice(level)).isEqualTo(FixedPoint.of("1700.49") + 100L * level);
            }
        }

        @Test
        void readsANegativeChangeAndEmptyLevels() {
            String line = "lv1_300750=10:00:00,宁德时代,180.2,-1.23,1000,180200,"
                    + "10,180.1,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0".replace(" ", "");

            Level1Quote q = (Level1Quote) parse(line).get(0);

            assertThat(q.changePercent()).isEqualTo(-12_300L);
            assertThat(q.price()).isEqualTo(1_802_000L);
            assertThat(q.bidQuantity(2)).isZero();
            assertThat(q.bidPrice(2)).isZero();
            assertThat(q.askQuantity(1)).isZero();
            assertThat(q.askPrice(1)).isZero();
        }

        @Test
        void deliversEverySnapshotOfAPipeJoinedLine() {
            String first = "14:59:58,贵州茅台,1700.00,1.00,100,170000," + MOUTAI_BOOK;
            String second = "14:59:59,贵州茅台,1700.50,1.23,200,340100," + MOUTAI_BOOK;

            List<JvqEvent> events = parse("lv1_600519=" + first + "|" + second);

            assertThat(events).hasSize(2).allMatch(e -> e instanceof Level1Quote);
            assertThat(((Level1Quote) events.get(0)).price()).isEqualTo(FixedPoint.of("1700.00"));
            assertThat(((Level1Quote) events.get(1)).price()).isEqualTo(FixedPoint.of("1700.50"));
            assertThat(((Level1Quote) events.get(1)).volume()).isEqualTo(200);
        }

        @Test
        void keepsVolumeAndAmountPositionsInTheLayout() {
            assertThat(RecordLayout.LV1.index(RecordLayout.Role.VOLUME)).isEqualTo(4);
            assertThat(RecordLayout.LV1.index(RecordLayout.Role.AMOUNT)).isEqualTo(5);
            String line = MOUTAI.replace(",12345678,", ",12x45678,");

            DecodeError error = errors(parse(line)).get(0);

            assertThat(error.reason()).contains("field " + (RecordLayout.LV1.index(RecordLayout.Role.VOLUME) + 1) + " (volume) '12x45678'");
        }

        @Test
        void acceptsIndexCodesAndTimesWithMilliseconds() {
            String line = "lv1_i000001=09:30:00.500,上证指数,3200.1234,0.5,1,2," + MOUTAI_BOOK;

            Level1Quote q = (Level1Quote) parse(line).get(0);

            assertThat(q.code()).isEqualTo(SubscriptionCode.lv1("i000001"));
            assertThat(q.timeOfDayMillis()).isEqualTo(TimeOfDay.of(9, 30, 0, 500));
            assertThat(q.price()).isEqualTo(32_001_234L);
        }
    }

    @Nested
    class Level2 {
        @Test
        void readsTheProtocolExampleTradeByTrade() {
            assertThat(parse(MOUTAI_TRADES)).containsExactly(
                    trade("lv2_600519", "09:30:00.120", 1234567, "1700.50", 100),
                    trade("lv2_600519", "09:30:00.120", 1234568, "1700.49", 300));
        }

        @Test
        void acceptsTheIdFirstOrderOfTheSeedsExampleInTheSameLine() {
            String line = "lv2_127063=09:30:00.120,1234567,123.456,10|1234568,09:30:01.001,123.457,20";

            assertThat(parse(line)).containsExactly(
                    trade("lv2_127063", "09:30:00.120", 1234567, "123.456", 10),
                    trade("lv2_127063", "09:30:01.001", 1234568, "123.457", 20));
        }

        @Test
        void acceptsATradeTimeWithoutMilliseconds() {
            assertThat(parse("lv2_600519=09:30:00,1,1700,100"))
                    .containsExactly(trade("lv2_600519", "09:30:00", 1, "1700", 100));
        }

        @Test
        void toleratesATrailingPipe() {
            assertThat(parse("lv2_600519=09:30:00.120,1,1700.50,100|")).hasSize(1);
        }
    }

    @Nested
    class Level10 {
        @Test
        void readsPricesThenQuantitiesForEachOfTheTenLevels() {
            StringBuilder line = new StringBuilder("lv10_600519=15:00:00,贵州茅台,1700.50,1680.00,2098765.5,12345");
            for (int i = 1; i <= 10; i++) {
                line.append(',').append(1700 - i).append(".00");  // bid prices
            }
            for (int i = 1; i <= 10; i++) {
                line.append(',').append(i * 100);                  // bid quantities
            }
            for (int i = 1; i <= 10; i++) {
                line.append(',').append(1700 + i).append(".00");  // ask prices
            }
            for (int i = 1; i <= 10; i++) {
                line.append(',').append(i * 1000);                 // ask quantities
            }

            Level10Book b = (Level10Book) parse(line.toString()).get(0);

            assertThat(b.code()).isEqualTo(SubscriptionCode.lv10("600519"));
            assertThat(b.timeOfDayMillis()).isEqualTo(TimeOfDay.of(15, 0, 0, 0));
            assertThat(b.name()).isEqualTo("贵州茅台");
            assertThat(b.price()).isEqualTo(FixedPoint.of("1700.50"));
            assertThat(b.lastClose()).isEqualTo(FixedPoint.of("1680"));
            assertThat(b.amount()).isEqualTo(FixedPoint.of("2098765.5"));
            assertThat(b.volume()).isEqualTo(12345);
            for (int level = 1; level <= 10; level++) {
                assertThat(b.bidPrice(level)).isEqualTo(FixedPoint.of(String.valueOf(1700 - level)));
                assertThat(b.bidQuantity(level)).isEqualTo(level * 100L);
                assertThat(b.askPrice(level)).isEqualTo(FixedPoint.of(String.valueOf(1700 + level)));
                assertThat(b.askQuantity(level)).isEqualTo(level * 1000L);
            }
        }

        @Test
        void rejectsABookWithTheWrongNumberOfFields() {
            DecodeError error = errors(parse("lv10_600519=15:00:00,x,1,1,1,1")).get(0);

            assertThat(error.code()).isEqualTo("lv10_600519");
            assertThat(error.reason()).isEqualTo("lv10 book: expected 46 comma-separated fields, got 6:"
                    + " field 7 (bid 1 price) and later are missing");
        }
    }

    @Nested
    class Lines {
        @Test
        void deliversManyLinesForManyCodesInOrder() {
            String text = MOUTAI + "\n" + MOUTAI_TRADES + "\n" + MOUTAI.replace("600519", "000001") + "\n";

            List<JvqEvent> events = parse(text);

            assertThat(events).extracting(e -> ((io.jvq.core.event.QuoteEvent) e).code().wire())
                    .containsExactly("lv1_600519", "lv2_600519", "lv2_600519", "lv1_000001");
        }

        @Test
        void toleratesCrLfEmptyLinesAndNoFinalNewline() {
            String text = "\n\r\n" + MOUTAI + "\r\n\r\n\n" + MOUTAI_TRADES;

            List<JvqEvent> events = parse(text);

            assertThat(errors(events)).isEmpty();
            assertThat(quotes(events)).hasSize(3);
            assertThat(((Level1Quote) events.get(0)).askPrice(5)).isEqualTo(FixedPoint.of("1700.54"));
            assertThat(((Level2Trade) events.get(2)).quantity()).isEqualTo(300);
        }

        @Test
        void parsesOnlyTheGivenRangeOfTheBuffer() {
            byte[] bytes = WireText.utf8("garbage\n" + MOUTAI_TRADES + "\nmore garbage");
            int off = "garbage\n".length();
            Recorder r = new Recorder();

            new QuoteParser().parse(bytes, off, WireText.utf8(MOUTAI_TRADES).length, r.sink);

            assertThat(r.events).hasSize(2).allMatch(e -> e instanceof Level2Trade);
        }

        @Test
        void internsEachCodeOnce() {
            List<JvqEvent> events = parse(MOUTAI_TRADES + "\n" + MOUTAI_TRADES);

            assertThat(((Level2Trade) events.get(0)).code()).isSameAs(((Level2Trade) events.get(3)).code());
        }

        @Test
        void reusesOneViewPerKindOnTheFlyweightPath() {
            List<Object> views = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            QuoteSink sink = new QuoteSink() {
                @Override
                public void onLevel1(Level1View quote) {
                    views.add(quote);
                }

                @Override
                public void onTrade(TradeView trade) {
                    views.add(trade);
                    ids.add(trade.tradeId());
                }

                @Override
                public void onLevel10(Level10View book) {
                    views.add(book);
                }

                @Override
                public void onError(DecodeError error) {
                    throw new AssertionError(error);
                }
            };
            byte[] bytes = WireText.utf8(MOUTAI_TRADES);

            new QuoteParser().parse(bytes, 0, bytes.length, sink);

            assertThat(views).hasSize(2);
            assertThat(views.get(0)).isSameAs(views.get(1));
            assertThat(ids).containsExactly(1234567L, 1234568L);
        }
    }

    @Nested
    class BadInput {
        @Test
        void reportsABadLineAndStillDeliversTheGoodOnesAroundIt() {
            String bad = MOUTAI.replace("1700.50,1.23", "17x0.50,1.23");
            String text = MOUTAI_TRADES + "\n" + bad + "\n" + MOUTAI;

            List<JvqEvent> events = parse(text);

            assertThat(events).hasSize(4);
            assertThat(events.get(0)).isInstanceOf(Level2Trade.class);
            assertThat(events.get(1)).isInstanceOf(Level2Trade.class);
            assertThat(events.get(2)).isEqualTo(new DecodeError("lv1_600519", bad,
                    "lv1 snapshot: field 3 (price) '17x0.50': not a decimal number"));
            assertThat(events.get(3)).isInstanceOf(Level1Quote.class);
        }

        @Test
        void reportsABadTradeOfAGroupWithItsPositionAndKeepsTheOthers() {
            String line = "lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.121,2,1700.50,-5|09:30:00.122,3,1700.50,300";

            List<JvqEvent> events = parse(line);

            assertThat(events).hasSize(3);
            assertThat(((Level2Trade) events.get(0)).tradeId()).isEqualTo(1);
            assertThat(events.get(1)).isEqualTo(new DecodeError("lv2_600519", "09:30:00.121,2,1700.50,-5",
                    "lv2 trade 2 of 3: field 4 (quantity) '-5': negative where only non-negative values are allowed"));
            assertThat(((Level2Trade) events.get(2)).tradeId()).isEqualTo(3);
        }

        @Test
        void reportsABadSnapshotOfAGroupAndKeepsTheOthers() {
            String good = "14:59:59,贵州茅台,1700.50,1.23,1,2," + MOUTAI_BOOK;
            String bad = "25:00:00,贵州茅台,1700.50,1.23,1,2," + MOUTAI_BOOK;

            List<JvqEvent> events = parse("lv1_600519=" + good + "|" + bad + "|" + good);

            assertThat(events).hasSize(3);
            assertThat(events.get(1)).isEqualTo(new DecodeError("lv1_600519", bad,
                    "lv1 snapshot 2 of 3: field 1 (time) '25:00:00': hour is not 00-23"));
        }

        @ParameterizedTest(name = "[{index}] price ''{0}''")
        @CsvSource(delimiter = ';', value = {
                "17x0.50;                   not a decimal number",
                "+1700.50;                  not a decimal number",
                "1700.;                     not a decimal number",
                ".50;                       not a decimal number",
                "1.2.3;                     not a decimal number",
                "'1700.50 ';                not a decimal number",
                "-1700.50;                  negative where only non-negative values are allowed",
                "1700.12345;                more than 4 decimal places",
                "922337203685477.5808;      too large",
                "99999999999999999999;      too large",
                "'';                        empty",
        })
        void rejectsABadPriceNamingTheFieldAndTheProblem(String price, String problem) {
            String line = MOUTAI.replace(",1700.50,1.23,", "," + price + ",1.23,");

            DecodeError error = errors(parse(line)).get(0);

            assertThat(error.code()).isEqualTo("lv1_600519");
            assertThat(error.excerpt()).isEqualTo(line);
            assertThat(error.reason()).isEqualTo("lv1 snapshot: field 3 (price) '" + price + "': " + problem);
        }

        @ParameterizedTest(name = "[{index}] price ''{0}'' = {1}")
        @CsvSource({
                "1700, 17000000",
                "1700.5, 17005000",
                "0.001, 10",
                "1700.12340000, 17001234",
                "922337203685476.0000, 9223372036854760000",
                "007.1, 71000",
        })
        void readsDecimalsExactlyIntoFourPlaces(String price, long fixed) {
            Level1Quote q = (Level1Quote) parse(MOUTAI.replace(",1700.50,1.23,", "," + price + ",1.23,")).get(0);

            assertThat(q.price()).isEqualTo(fixed);
        }

        @ParameterizedTest(name = "[{index}] time ''{0}''")
        @CsvSource(delimiter = ';', value = {
                "24:00:00;       hour is not 00-23",
                "12:60:00;       minute is not 00-59",
                "12:00:60;       second is not 00-59",
                "12:00;          not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
                "9:30:00;        not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
                "12:00:00.5;     not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
                "12:00:00,500;   ''",
                "12-00-00;       not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
                "1a:00:00;       not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
                "12:00:00.5x0;   not a time (expected HH:MM:SS or HH:MM:SS.mmm)",
        })
        void rejectsABadTime(String time, String problem) {
            String line = MOUTAI.replace("=14:59:59,", "=" + time + ",");

            DecodeError error = errors(parse(line)).get(0);

            if (problem.isEmpty()) {  // a comma in the time shifts every field: the name lands where the price goes
                assertThat(error.reason()).isEqualTo("lv1 snapshot: field 3 (price) '贵州茅台': not a decimal number");
            } else {
                assertThat(error.reason()).isEqualTo("lv1 snapshot: field 1 (time) '" + time + "': " + problem);
            }
        }

        @Test
        void namesBookFieldsByLevelAndSide() {
            String line = MOUTAI.replace("900,1700.53", "900,1700.5x");

            assertThat(errors(parse(line)).get(0).reason())
                    .isEqualTo("lv1 snapshot: field 24 (ask 4 price) '1700.5x': not a decimal number");
        }

        @Test
        void rejectsTooFewLevel1FieldsNamingTheFirstMissing() {
            assertThat(errors(parse(MOUTAI.substring(0, MOUTAI.lastIndexOf(',')))).get(0).reason())
                    .isEqualTo("lv1 snapshot: expected 26 comma-separated fields, got 25: field 26 (ask 5 price)"
                            + " and later are missing (or 6 for an index without a book)");
        }

        @Test
        void rejectsTradesThatDoNotFitEitherOrder() {
            List<DecodeError> errors = errors(parse(String.join("\n",
                    "lv2_600519=09:30:00.120,1,1700.50",
                    "lv2_600519=1,2,1700.50,100",
                    "lv2_600519=09:30:00.120,abc,1700.50,100",
                    "lv2_600519=abc,09:30:00.120,1700.50,100",
                    "lv2_600519=09:30:00.120,1,1700.50,1.5")));

            assertThat(errors).extracting(DecodeError::reason).containsExactly(
                    "lv2 trade: expected 4 comma-separated fields, got 3: field 4 (quantity) and later are missing",
                    "lv2 trade: no trade time: neither field 1 nor field 2 holds HH:MM:SS.mmm",
                    "lv2 trade: field 2 (trade id) 'abc': not a non-negative integer",
                    "lv2 trade: field 1 (trade id) 'abc': not a non-negative integer",
                    "lv2 trade: field 4 (quantity) '1.5': not a non-negative integer");
        }

        @Test
        void rejectsUnknownAndMalformedCodesWithTheCodeAsReceived() {
            List<DecodeError> errors = errors(parse(String.join("\n",
                    "lv3_600519=09:30:00.120,1,1700.50,100",
                    "lv1_60051=x",
                    "LV2_600519=09:30:00.120,1,1700.50,100",
                    "=09:30:00.120,1,1700.50,100")));

            assertThat(errors).extracting(DecodeError::code)
                    .containsExactly("lv3_600519", "lv1_60051", "LV2_600519", "");
            assertThat(errors.get(0).reason()).contains("unknown quote flag 'lv3'");
            assertThat(errors.get(1).reason()).contains("symbol must be six digits");
            assertThat(errors.get(2).reason()).contains("unknown quote flag 'LV2'");
            assertThat(errors.get(3).reason()).contains("expected <flag>_<symbol>");
        }

        @Test
        void reportsALineWithoutCodeWithANullCode() {
            DecodeError error = errors(parse("hello world")).get(0);

            assertThat(error).isEqualTo(new DecodeError(null, "hello world",
                    "line has no '=': expected <code>=<payload>, e.g. lv1_600519=…"));
            assertThat(error.frameLevel()).isFalse();
        }

        @Test
        void reportsAnEmptyPayload() {
            assertThat(parse("lv2_600519=\nlv2_600519=|")).containsExactly(
                    new DecodeError("lv2_600519", "lv2_600519=", "empty payload: no lv2 trade after '='"),
                    new DecodeError("lv2_600519", "lv2_600519=|", "empty payload: no lv2 trade after '='"));
        }

        @Test
        void cutsTheExcerptOfAHugeLine() {
            String line = "lv2_600519=" + "9".repeat(100_000);

            DecodeError error = errors(parse(line)).get(0);

            assertThat(error.excerpt()).hasSize(DecodeError.MAX_EXCERPT).isEqualTo(line.substring(0, DecodeError.MAX_EXCERPT));
            assertThat(error.reason()).isEqualTo("lv2 trade: expected 4 comma-separated fields, got 1:"
                    + " field 2 (trade id) and later are missing");
        }

        @Test
        void neverCutsAnExcerptInsideASurrogatePair() {
            String line = "x".repeat(DecodeError.MAX_EXCERPT - 1) + "😀😀";

            DecodeError error = errors(parse(line)).get(0);

            assertThat(error.excerpt()).isEqualTo("x".repeat(DecodeError.MAX_EXCERPT - 1));
        }

        @Test
        void cutsALongFieldInTheReason() {
            String price = "1x" + "1".repeat(60);

            String reason = errors(parse(MOUTAI.replace(",1700.50,1.23,", "," + price + ",1.23,"))).get(0).reason();

            assertThat(reason).isEqualTo("lv1 snapshot: field 3 (price) '" + price.substring(0, 40) + "': not a decimal number");
        }
    }

    @Test
    void fixedPointOfTheTestHelperMatchesTheParser() {
        assertThat(WireText.decimal(FixedPoint.of("1700.5"), 3)).isEqualTo("1700.500");
        assertThat(WireText.decimal(FixedPoint.of("-0.0001"), 0)).isEqualTo("-0.0001");
    }
}
