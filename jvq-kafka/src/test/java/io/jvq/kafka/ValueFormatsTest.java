package io.jvq.kafka;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteLineWriter;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.JsonReader;
import io.jvq.core.json.Utf8Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both value formats read back, through jvq-core's parser, to the event that was written. */
class ValueFormatsTest {

    static List<QuoteEvent> quotes() {
        long[] book1 = new long[20];
        for (int i = 0; i < book1.length; i += 2) {
            book1[i] = 100L * (i + 1);
            book1[i + 1] = FixedPoint.of("1700.49") + i * 100L;
        }
        long[] book10 = new long[40];
        for (int i = 0; i < book10.length; i++) {
            book10[i] = (i / 10) % 2 == 0 ? FixedPoint.of("10.101") + i * 10L : 10L * (i + 1);
        }
        return List.of(
                new Level2Trade(SubscriptionCode.lv2("600519"), TimeOfDay.of(9, 30, 0, 120), 8812,
                        FixedPoint.of("1700.50"), 100),
                new Level1Quote(SubscriptionCode.lv1("600519"), TimeOfDay.of(14, 59, 59, 0), "贵州茅台",
                        FixedPoint.of("1700.50"), FixedPoint.of("-0.4"), 12345678, FixedPoint.of("20987654321.5"), book1),
                new Level1Quote(SubscriptionCode.lv1("i000001"), TimeOfDay.of(10, 0, 0, 0), "上证指数",
                        FixedPoint.of("3123.4567"), FixedPoint.of("0.0123"), 1, 0, new long[20]),
                new Level10Book(SubscriptionCode.lv10("127063"), TimeOfDay.of(10, 15, 0, 0), "贵轮转债",
                        FixedPoint.of("10.10"), FixedPoint.of("10.05"), FixedPoint.of("123456.789"), 987654, book10));
    }

    private static List<JvqEvent> parse(String line) {
        List<JvqEvent> events = new ArrayList<>();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        new QuoteParser().parse(bytes, 0, bytes.length, new EventSink(events::add));
        return events;
    }

    @ParameterizedTest
    @MethodSource("quotes")
    void aLineValueParsesBackToTheSameEvent(QuoteEvent quote) {
        Utf8Buffer line = new Utf8Buffer(64);
        new QuoteLineWriter().write(line, quote);
        assertThat(parse(line.toString())).containsExactly(quote);
    }

    @ParameterizedTest
    @MethodSource("quotes")
    void aJsonValueTranslatesToTheVendorsTextOfTheSameEvent(QuoteEvent quote) {
        assertThat(parse(JsonToLine.translate(EventJson.toJson(quote)))).containsExactly(quote);
    }

    @Test
    void aTradeLineIsTheVendorsText() {
        Utf8Buffer line = new Utf8Buffer(64);
        new QuoteLineWriter().write(line, quotes().get(0));
        assertThat(line).hasToString("lv2_600519=09:30:00.120,8812,1700.50,100");
    }

    @Test
    void jsonFromOtherWritersReadsToo() {
        String spaced = "{ \"qty\" : 100, \"price\" : 1.7005e3, \"tradeId\":8812, \"time\":\"09:30:00.120\","
                + " \"code\":\"600519\", \"type\":\"lv2\", \"extra\": [true, null, {\"a\": \"\\u00e9\"}] }";
        assertThat(parse(JsonToLine.translate(spaced))).containsExactly(quotes().get(0));
    }

    @Test
    void badJsonIsRejectedSayingWhatAndWhere() {
        assertThatThrownBy(() -> JsonToLine.translate("{\"type\":\"lv2\",")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at character 15");
        assertThatThrownBy(() -> JsonToLine.translate("{\"type\":\"text\",\"text\":\"all ok\"}"))
                .hasMessageContaining("type 'text' is not a quote");
        assertThatThrownBy(() -> JsonToLine.translate("{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\","
                + "\"tradeId\":1,\"price\":\"1700.50\",\"qty\":1}")).hasMessageContaining("field 'price' is missing or not a number");
        assertThatThrownBy(() -> JsonToLine.translate("{\"type\":\"lv1\",\"code\":\"600519\",\"time\":\"09:30:00\","
                + "\"name\":\"a,b\"}")).hasMessageContaining("field 'name' holds a separator");
        assertThatThrownBy(() -> JsonToLine.translate("[1, 02]")).hasMessageContaining("leading zero");
    }

    @Test
    void aJsonValueThatBreaksTheGrammarIsADecodeErrorOfTheParser() {
        String json = "{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"25:00:00.000\",\"tradeId\":1,\"price\":1.00,\"qty\":1}";
        assertThat(parse(JsonToLine.translate(json))).singleElement().isInstanceOf(DecodeError.class);
    }

    @Test
    void jsonStringsEscapeWhatRfc8259Requires() {
        DecodeError error = new DecodeError("lv2_600519", "a\"b\\c\nd\u0001", "bad \"quote\"");
        assertThat(EventJson.toJson(error)).isEqualTo("{\"type\":\"error\",\"reason\":\"bad \\\"quote\\\"\","
                + "\"code\":\"600519\",\"line\":\"a\\\"b\\\\c\\nd\\u0001\"}");
        assertThat(JsonReader.read(EventJson.toJson(error))).isEqualTo(java.util.Map.of("type", "error",
                "reason", "bad \"quote\"", "code", "600519", "line", "a\"b\\c\nd\u0001"));
    }
}
