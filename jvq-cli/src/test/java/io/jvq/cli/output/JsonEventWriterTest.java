package io.jvq.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonEventWriterTest {

    private static String json(JvqEvent... events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEventWriter writer = new JsonEventWriter(out);
        for (JvqEvent event : events) {
            writer.write(event);
        }
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void level1QuoteIsOneLineWithTheSpecifiedFieldsAndTheDigitsReceived() throws IOException {
        assertThat(json(Events.moutai("1700.50", "1.23"))).isEqualTo(
                "{\"type\":\"lv1\",\"code\":\"600519\",\"time\":\"14:59:59\",\"name\":\"贵州茅台\","
                        + "\"price\":1700.50,\"changePct\":1.23,\"volume\":12345678,\"amount\":20987654321.50,"
                        + "\"bids\":[[100,1700.49],[200,1700.48],[300,1700.47],[400,1700.46],[500,1700.45]],"
                        + "\"asks\":[[200,1700.51],[400,1700.52],[600,1700.53],[800,1700.54],[1000,1700.55]]}\n");
    }

    @Test
    void level2TradeIsOneLine() throws IOException {
        assertThat(json(Events.trade("600519", 1234567, "1700.50", 100))).isEqualTo(
                "{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\",\"tradeId\":1234567,"
                        + "\"price\":1700.50,\"qty\":100}\n");
    }

    @Test
    void level10BookCarriesTheProtocolFieldsAndTenLevelsASide() throws IOException {
        String line = json(Events.book());
        assertThat(line).startsWith("{\"type\":\"lv10\",\"code\":\"127063\",\"time\":\"10:15:00\","
                + "\"name\":\"贵轮转债\",\"price\":10.10,\"lastClose\":10.05,\"amount\":123456.789,"
                + "\"volume\":987654,\"bids\":[[10,10.10],[20,10.099],");
        assertThat(line).contains("\"asks\":[[20,10.101],[40,10.102],");
        assertThat(line).endsWith("[200,10.11]]}\n");
        assertThat(java.util.regex.Pattern.compile("\\[\\d+,[\\d.]+]").matcher(line).results().count())
                .as("ten [qty,price] pairs a side").isEqualTo(20);
    }

    @Test
    void bondPricesKeepThreeDecimalsAndNegativeChangesTheirSign() throws IOException {
        Level1Quote bond = new Level1Quote(SubscriptionCode.lv1("127063"), TimeOfDay.of(10, 0, 0, 0), "贵轮转债",
                FixedPoint.of("123.456"), FixedPoint.of("-0.4"), 10, FixedPoint.of("1234.5"), new long[20]);
        String line = json(bond);
        assertThat(line).contains("\"price\":123.456,\"changePct\":-0.40,\"volume\":10,\"amount\":1234.50,");
        assertThat(line).contains("\"bids\":[[0,0.00],[0,0.00],[0,0.00],[0,0.00],[0,0.00]]");
    }

    @Test
    void numbersParseBackAsTheExactDecimals() throws IOException {
        Level1Quote quote = new Level1Quote(SubscriptionCode.lv1("600519"), 0, "x", FixedPoint.of("1700.50"),
                0, 1, FixedPoint.of("98765432109876.5432"), new long[20]);
        try (JsonParser parser = new JsonFactory().createParser(json(quote))) {
            List<String> numbers = new ArrayList<>();
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && parser.currentName() != null) {
                    numbers.add(parser.currentName() + "=" + parser.getDecimalValue().toPlainString());
                }
            }
            assertThat(numbers).containsExactly("price=1700.50", "changePct=0.00", "amount=98765432109876.5432");
        }
    }

    @Test
    void serverTextIsEscapedAndChineseStaysReadable() throws IOException {
        assertThat(json(new ServerText("订阅成功 \"lv1_600519\"\nok")))
                .isEqualTo("{\"type\":\"text\",\"text\":\"订阅成功 \\\"lv1_600519\\\"\\nok\"}\n");
    }

    @Test
    void badLineIsAnErrorObjectNamingSymbolReasonAndLine() throws IOException {
        assertThat(json(new DecodeError("lv2_600519", "lv2_600519=09:30:00.120,x,1.0,1", "trade id is not a number")))
                .isEqualTo("{\"type\":\"error\",\"reason\":\"trade id is not a number\",\"code\":\"600519\","
                        + "\"line\":\"lv2_600519=09:30:00.120,x,1.0,1\"}\n");
    }

    @Test
    void frameThatDidNotInflateIsAnErrorWithTheReasonOnly() throws IOException {
        assertThat(json(new DecodeError(null, "", "frame does not inflate: invalid block type")))
                .isEqualTo("{\"type\":\"error\",\"reason\":\"frame does not inflate: invalid block type\"}\n");
    }

    @Test
    void eventsComeOneLinePerEventInOrder() throws IOException {
        String out = json(Events.trade("600519", 1, "1.00", 1), new ServerText("x"), Events.trade("000001", 2, "2.00", 2));
        assertThat(out.split("\n")).hasSize(3)
                .satisfiesExactly(
                        l -> assertThat(l).contains("\"tradeId\":1"),
                        l -> assertThat(l).contains("\"type\":\"text\""),
                        l -> assertThat(l).contains("\"tradeId\":2"));
    }

    @Test
    void connectionStateIsNotData() {
        assertThatThrownBy(() -> json(new ConnectionEvent.Connected("1.2.3.4:80/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Connected");
    }
}
