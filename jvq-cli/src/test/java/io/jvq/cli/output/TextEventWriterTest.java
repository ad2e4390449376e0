package io.jvq.cli.output;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextEventWriterTest {
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";

    private final TextEventWriter plain = TextEventWriter.linesOnly(Palette.NONE);
    private final TextEventWriter coloured = TextEventWriter.linesOnly(Palette.ANSI);

    @Test
    void level1LineShowsPriceChangeVolumeTurnoverAndTheBestLevels() {
        assertThat(plain.line(Events.moutai("1700.50", "1.23"))).isEqualTo(
                "14:59:59 600519 贵州茅台 1700.50 +1.23% vol 12345678 amt 20987654321.50 bid 100@1700.49 ask 200@1700.51");
    }

    @Test
    void noColourCodesWithoutATerminal() {
        assertThat(plain.line(Events.moutai("1700.50", "-1.23"))).doesNotContain("\u001b[");
    }

    @Test
    void risesAreRedAndFallsGreenAsOnChineseQuoteScreens() {
        String up = coloured.line(Events.moutai("1700.50", "1.23"));
        assertThat(up).contains(RED + "\u001b[1m1700.50").contains(RED + "+1.23%");
        String down = coloured.line(Events.moutai("1690.00", "-0.5"));
        assertThat(down).contains(GREEN + "\u001b[1m1690.00").contains(GREEN + "-0.50%");
        String flat = coloured.line(Events.moutai("1700.00", "0"));
        assertThat(flat).doesNotContain(RED).doesNotContain(GREEN);
    }

    @Test
    void tradeTapeColoursEachTradeByItsTickWithinItsCode() {
        assertThat(plain.line(Events.trade("600519", 1234567, "1700.50", 100)))
                .isEqualTo("09:30:00.120 600519 trade #1234567 1700.50 x 100");

        assertThat(coloured.line(Events.trade("600519", 1, "1700.50", 100))).doesNotContain(RED).doesNotContain(GREEN);
        assertThat(coloured.line(Events.trade("000001", 2, "10.00", 100))).doesNotContain(RED).doesNotContain(GREEN);
        assertThat(coloured.line(Events.trade("600519", 3, "1700.51", 100))).contains(RED + "1700.51");
        assertThat(coloured.line(Events.trade("600519", 4, "1700.49", 100))).contains(GREEN + "1700.49");
        assertThat(coloured.line(Events.trade("000001", 5, "10.01", 100))).contains(RED + "10.01");
    }

    @Test
    void level10LineShowsPriceCloseAndBestLevels() {
        assertThat(plain.line(Events.book())).isEqualTo(
                "10:15:00 127063 贵轮转债 L10 10.10 close 10.05 vol 987654 amt 123456.789 bid 10@10.10 ask 20@10.101");
    }

    @Test
    void serverTextAndDecodeErrorsAreShownVerbatim() {
        assertThat(plain.line(new ServerText("订阅成功"))).isEqualTo("server: 订阅成功");
        assertThat(plain.line(new DecodeError("lv2_600519", "lv2_600519=bad", "expected 4 fields")))
                .isEqualTo("decode error lv2_600519: expected 4 fields | lv2_600519=bad");
        assertThat(plain.line(new DecodeError(null, "", "frame does not inflate")))
                .isEqualTo("decode error: frame does not inflate");
    }
}
