package io.jvq.cli.session;

import io.jvq.cli.output.JsonEventWriter;
import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches stdout when: a frame's lines at its end, server text at once, the rest on close. */
class EventPrinterTest {

    /** Stdout as a stream that keeps each write, or fails every write once the reader has gone. */
    private static final class Stdout extends OutputStream {
        final List<String> writes = new ArrayList<>();
        boolean readerGone;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (readerGone) {
                throw new IOException("Broken pipe");
            }
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    private final Stdout stdout = new Stdout();
    private final EventPrinter printer = new EventPrinter(new JsonEventWriter(stdout), new PrintWriter(new StringWriter()));

    private static Level2Trade trade(long id) {
        return new Level2Trade(SubscriptionCode.lv2("600519"), TimeOfDay.of(9, 30, 0, 120), id, FixedPoint.of("1700.5"), 100);
    }

    @Test
    void aFramesTradesAreWrittenTogetherWhenTheFrameEnds() {
        assertThat(printer.print(trade(1))).isTrue();
        assertThat(printer.print(trade(2))).isTrue();
        assertThat(stdout.writes).isEmpty();

        assertThat(printer.endOfFrame()).isTrue();

        assertThat(stdout.writes).singleElement().satisfies(w -> assertThat(w.lines()).hasSize(2));
    }

    @Test
    void serverTextIsWrittenAtOnceWithWhatCameBeforeIt() {
        printer.print(trade(1));
        printer.print(new ServerText("all ok: lv2_600519"));

        assertThat(String.join("", stdout.writes).lines()).hasSize(2).last().asString().contains("all ok");
    }

    @Test
    void closingWritesWhatIsBufferedAndThenNothingMore() {
        printer.print(trade(1));
        printer.close();

        assertThat(stdout.writes).singleElement().satisfies(w -> assertThat(w).contains("\"tradeId\":1,"));
        assertThat(printer.print(trade(2))).isFalse();
        assertThat(printer.endOfFrame()).isFalse();
        assertThat(stdout.writes).hasSize(1);
    }

    @Test
    void aReaderThatWentAwayIsReportedAndNothingMoreIsWritten() {
        printer.print(trade(1));
        stdout.readerGone = true;

        assertThat(printer.endOfFrame()).isFalse();
        assertThat(printer.print(trade(2))).isFalse();
        printer.close(); // nothing left to tell anyone: no exception
        assertThat(stdout.writes).isEmpty();
    }
}
