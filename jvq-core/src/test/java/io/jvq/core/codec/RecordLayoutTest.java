package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.codec.RecordLayout.Kind;
import io.jvq.core.codec.RecordLayout.Role;
import io.jvq.core.codec.RecordLayout.Side;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.json.Utf8Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The field tables, and that a vendor field swap made in the table alone is followed by both readers and the writer. */
class RecordLayoutTest {
    private static final String BOOK = "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "600,1700.51,700,1700.52,800,1700.53,900,1700.54,1000,1700.55";
    /** PROTOCOL §5.1's order: …, volume, amount, book. */
    private static final String VOLUME_FIRST = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50," + BOOK;
    /** The vendor's later client's order (PROTOCOL §5.1): amount before volume. */
    private static final String AMOUNT_FIRST = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,20987654321.50,12345678," + BOOK;

    @Test
    void documentsEachRecordKindInWireOrder() {
        assertThat(RecordLayout.LV1.size()).isEqualTo(26);
        assertThat(RecordLayout.TRADE.size()).isEqualTo(4);
        assertThat(RecordLayout.LV10.size()).isEqualTo(46);
        assertThat(RecordLayout.LV1.fields().subList(0, 6)).extracting(RecordLayout.Field::name)
                .containsExactly("time", "name", "price", "change percent", "volume", "amount");
        assertThat(RecordLayout.LV1.name(6)).isEqualTo("bid 1 quantity");
        assertThat(RecordLayout.LV1.name(16)).isEqualTo("ask 1 quantity");
        assertThat(RecordLayout.LV10.name(16)).isEqualTo("bid 1 quantity");
        assertThat(RecordLayout.LV10.name(26)).isEqualTo("ask 1 price");
        assertThat(RecordLayout.LV1.kind(3)).isEqualTo(Kind.SIGNED_PRICE);
        assertThat(Kind.PRICE.maxDecimals()).isEqualTo(FixedPoint.SCALE);
        assertThat(Kind.INTEGER.maxDecimals()).isZero();
        assertThat(RecordLayout.TRADE.index(Role.QUANTITY)).isEqualTo(3);
    }

    @Test
    void swapExchangesTwoFieldsAndNothingElse() {
        RecordLayout swapped = RecordLayout.LV1.swap(Role.VOLUME, Role.AMOUNT);

        assertThat(swapped.index(Role.AMOUNT)).isEqualTo(4);
        assertThat(swapped.index(Role.VOLUME)).isEqualTo(5);
        assertThat(swapped.field(4)).isEqualTo(new RecordLayout.Field(4, "amount", Role.AMOUNT, Kind.PRICE));
        assertThat(swapped.fields().subList(6, 26)).isEqualTo(RecordLayout.LV1.fields().subList(6, 26));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aVolumeAmountSwapInTheLayoutIsFollowedByBothReaders(boolean fastPaths) {
        QuoteParser parser = new QuoteParser(RecordLayout.LV1.swap(Role.VOLUME, Role.AMOUNT), RecordLayout.TRADE,
                RecordLayout.LV10, fastPaths);

        List<JvqEvent> events = parse(parser, AMOUNT_FIRST);

        assertThat(events).hasSize(1).first().isInstanceOf(Level1Quote.class);
        Level1Quote q = (Level1Quote) events.get(0);
        assertThat(q.volume()).isEqualTo(12_345_678L);
        assertThat(q.amount()).isEqualTo(FixedPoint.of("20987654321.50"));
        assertThat(q.price()).isEqualTo(FixedPoint.of("1700.50"));
        assertThat(parser.generalPathRecords()).as("records the general path delivered").isEqualTo(fastPaths ? 0 : 1);
        assertThat(events).isEqualTo(parse(new QuoteParser(), VOLUME_FIRST));
    }

    @Test
    void aVolumeAmountSwapInTheLayoutIsFollowedByTheWriter() {
        QuoteLineWriter writer = new QuoteLineWriter(RecordLayout.LV1.swap(Role.VOLUME, Role.AMOUNT),
                RecordLayout.TRADE, RecordLayout.LV10);
        Level1Quote quote = (Level1Quote) parse(new QuoteParser(), VOLUME_FIRST).get(0);
        Utf8Buffer out = new Utf8Buffer(64);

        writer.write(out, quote);

        assertThat(out).hasToString(AMOUNT_FIRST);
    }

    @Test
    void theBookFieldsKnowTheirSideAndLevel() {
        assertThat(RecordLayout.LV1.field(6)).isEqualTo(new RecordLayout.Field(6, "bid 1 quantity", Role.BOOK,
                Kind.INTEGER, Side.BID, 1));
        assertThat(RecordLayout.LV10.field(45)).isEqualTo(new RecordLayout.Field(45, "ask 10 quantity", Role.BOOK,
                Kind.INTEGER, Side.ASK, 10));
        assertThat(RecordLayout.LV1.fields().subList(0, 6)).extracting(RecordLayout.Field::side).containsOnly(Side.NONE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void errorTextsNameTheSwappedFields(boolean fastPaths) {
        QuoteParser parser = new QuoteParser(RecordLayout.LV1.swap(Role.VOLUME, Role.AMOUNT), RecordLayout.TRADE,
                RecordLayout.LV10, fastPaths);

        List<JvqEvent> events = parse(parser, AMOUNT_FIRST.replace(",12345678,", ",12x45678,"));

        assertThat(events).hasSize(1).first().isInstanceOf(DecodeError.class);
        assertThat(((DecodeError) events.get(0)).reason()).contains("field 6 (volume) '12x45678'");
    }

    @Test
    void onlyTheDocumentedLevel1OrderFitsTheStraightLineReader() {
        assertThat(FastRecords.fitsDocumentedLevel1(RecordLayout.LV1)).isTrue();
        assertThat(FastRecords.fitsDocumentedLevel1(RecordLayout.LV1.swap(Role.VOLUME, Role.AMOUNT))).isFalse();
        assertThat(FastRecords.fitsDocumentedLevel1(RecordLayout.LV1.swap(Role.PRICE, Role.CHANGE_PERCENT))).isFalse();
        assertThat(FastRecords.fitsDocumentedLevel1(RecordLayout.LV10)).isFalse();
    }

    @Test
    void theDocumentedOrderTakesTheFastPath() {
        QuoteParser parser = new QuoteParser();

        parse(parser, VOLUME_FIRST + "\n" + QuoteParserTest.MOUTAI_TRADES + "\n");

        assertThat(parser.generalPathRecords()).isZero();
    }

    private static List<JvqEvent> parse(QuoteParser parser, String text) {
        List<JvqEvent> events = new ArrayList<>();
        byte[] bytes = WireText.utf8(text);
        parser.parse(bytes, 0, bytes.length, new EventSink(events::add));
        return events;
    }
}
