package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jvq.core.codec.QuoteParserTest.MOUTAI;
import static io.jvq.core.codec.QuoteParserTest.MOUTAI_TRADES;
import static io.jvq.core.codec.Recorder.errors;
import static io.jvq.core.codec.Recorder.quotes;
import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §6: what the grammar tolerates from a server that differs from the vendor's page, and what it still rejects. */
class TolerantGrammarTest {
    private static final String LV10_HEAD = "lv10_600519=15:00:00,贵州茅台,1700.50,1680.00,2098765.5,12345";

    private final QuoteParser parser = new QuoteParser();

    /** Parses with one parser (one connection), so that notices are once per parser. */
    private List<JvqEvent> parse(String text) {
        return parse(text, parser);
    }

    private static List<DecodeNotice> notices(List<JvqEvent> events) {
        return events.stream().filter(DecodeNotice.class::isInstance).map(DecodeNotice.class::cast).toList();
    }

    private static String level10() {
        StringBuilder line = new StringBuilder(LV10_HEAD);
        for (int i = 0; i < 40; i++) {
            line.append(',').append(i % 20 < 10 ? "1700.00" : "100");
        }
        return line.toString();
    }

    @Test
    void extraTrailingFieldsAreIgnoredOnEveryRecordKind() {
        Level1Quote lv1 = (Level1Quote) Recorder.parse(MOUTAI).get(0);
        List<JvqEvent> trades = Recorder.parse(MOUTAI_TRADES);
        Level10Book lv10 = (Level10Book) Recorder.parse(level10()).get(0);

        List<JvqEvent> events = parse(MOUTAI + ",X,42\n"
                + MOUTAI_TRADES.replace(",100|", ",100,B|").replace(",300", ",300,S") + "\n"
                + level10() + ",extra");

        assertThat(errors(events)).isEmpty();
        assertThat(quotes(events)).containsExactly(lv1, (Level2Trade) trades.get(0), (Level2Trade) trades.get(1), lv10);
        assertThat(parser.extraFieldRecords()).isEqualTo(4);
    }

    @Test
    void extraFieldsAreNoticedOncePerRecordKindNotPerLine() {
        List<JvqEvent> events = parse(MOUTAI + ",X\n" + MOUTAI + ",X,Y\n"
                + MOUTAI_TRADES.replace(",100|", ",100,B|").replace(",300", ",300,S"));
        events.addAll(parse(MOUTAI + ",X"));

        assertThat(notices(events)).extracting(DecodeNotice::level).containsExactly(QuoteLevel.LV1, QuoteLevel.LV2);
        DecodeNotice first = notices(events).get(0);
        assertThat(first.code()).isEqualTo("lv1_600519");
        assertThat(first.excerpt()).endsWith(",1700.54,X");
        assertThat(first.notice()).isEqualTo("lv1 snapshot with 27 fields where 26 are documented: the 1 extra"
                + " trailing field(s) are ignored (said once per connection; every such record is counted)");
        assertThat(events.indexOf(first)).as("after the record it is about").isEqualTo(1);
        assertThat(parser.extraFieldRecords()).isEqualTo(5);
        assertThat(notices(parse(MOUTAI + ",X", new QuoteParser()))).as("a new connection notices again").hasSize(1);
    }

    private static List<JvqEvent> parse(String text, QuoteParser parser) {
        List<JvqEvent> events = new ArrayList<>();
        byte[] bytes = WireText.utf8(text);
        parser.parse(bytes, 0, bytes.length, new EventSink(events::add));
        return events;
    }

    @Test
    void anIndexLineWithoutABookIsAQuoteWithAnEmptyBook() {
        List<JvqEvent> events = parse("lv1_000001=15:00:00,上证指数,3050.12,-0.35,412345678,512345678901.2");

        assertThat(errors(events)).isEmpty();
        Level1Quote index = (Level1Quote) quotes(events).get(0);
        assertThat(index.name()).isEqualTo("上证指数");
        assertThat(index.priceDecimal()).isEqualByComparingTo("3050.12");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            assertThat(index.bidQuantity(level)).isZero();
            assertThat(index.bidPrice(level)).isZero();
            assertThat(index.askQuantity(level)).isZero();
            assertThat(index.askPrice(level)).isZero();
        }
        assertThat(notices(events)).isEmpty();
    }

    @Test
    void fewerFieldsThanAnIndexHasRemainAnErrorNamingTheFirstMissingField() {
        DecodeError error = errors(parse("lv1_000001=15:00:00,上证指数,3050.12,-0.35,412345678")).get(0);

        assertThat(error.reason()).isEqualTo("lv1 snapshot: expected 26 comma-separated fields, got 5:"
                + " field 6 (amount) and later are missing (or 6 for an index without a book)");
    }

    @Test
    void badNumbersAndTimesOnALineWithExtraFieldsRemainErrorsNamingTheField() {
        assertThat(errors(parse(MOUTAI.replace("1700.50,1.23", "17x0.50,1.23") + ",X")).get(0).reason())
                .isEqualTo("lv1 snapshot: field 3 (price) '17x0.50': not a decimal number");
        assertThat(errors(parse("lv2_600519=09:61:00.120,1,1700.50,100,B")).get(0).reason())
                .isEqualTo("lv2 trade: field 1 (time) '09:61:00.120': minute is not 00-59");
    }

    @Test
    void exponentNotationGetsAnErrorThatSaysSo() {
        String exponent = "exponent notation is not supported (expected plain digits, e.g. 1700.50, not 1.7005e3)";

        assertThat(errors(parse(MOUTAI.replace("1700.50,1.23", "1.7005E3,1.23"))).get(0).reason())
                .isEqualTo("lv1 snapshot: field 3 (price) '1.7005E3': " + exponent);
        assertThat(errors(parse("lv2_600519=09:30:00.120,1,1700.50,1e2")).get(0).reason())
                .isEqualTo("lv2 trade: field 4 (quantity) '1e2': " + exponent);
        assertThat(errors(parse("lv2_600519=09:30:00.120,1,1700.50,12x")).get(0).reason())
                .as("an ordinary typo is not called an exponent")
                .isEqualTo("lv2 trade: field 4 (quantity) '12x': not a non-negative integer");
    }
}
