package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.jvq.core.codec.FrameDecoderTest.allocatedBytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flyweight path allocates nothing per trade once warmed up: inflate into the reused buffer,
 * intern the code, parse the fields into the reused {@link TradeView}.
 *
 * <p>This is not a timing test: it counts the bytes this thread allocated
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), which does not depend on
 * how fast or loaded the machine is. The bound of 1 byte per trade (averaged over 500,000 trades)
 * leaves room for the measuring call itself and for a stray allocation after a deoptimisation, while
 * one object per trade (16 bytes at least) would fail it many times over. (Measured: under 1 KB in all.)
 */
class TradeFlyweightAllocationTest {
    private static final int TRADES_PER_LINE = 20;
    private static final int LINES = 50;
    private static final int TRADES_PER_FRAME = TRADES_PER_LINE * LINES;

    private long checksum;
    private int errors;

    private final QuoteSink noOp = new QuoteSink() {
        @Override
        public void onLevel1(Level1View quote) {
            checksum += quote.price();
        }

        @Override
        public void onTrade(TradeView trade) {
            checksum += trade.price() + trade.quantity() + trade.tradeId() + trade.timeOfDayMillis()
                    + trade.code().symbol().length();
        }

        @Override
        public void onLevel10(Level10View book) {
            checksum += book.price();
        }

        @Override
        public void onError(DecodeError error) {
            errors++;
        }
    };

    @Test
    void decodingTradesOnTheFlyweightPathAllocatesNothingPerTrade() {
        ByteBuffer frame = ByteBuffer.wrap(WireText.deflate(tradeFrameText()));
        try (FrameDecoder decoder = new FrameDecoder(1 << 20)) {
            for (int i = 0; i < 1_500; i++) {   // warm up: interpreter, C1, C2
                decoder.decode(frame, noOp);
            }
            int frames = 500;
            long before = allocatedBytes();
            for (int i = 0; i < frames; i++) {
                decoder.decode(frame, noOp);
            }
            long allocated = allocatedBytes() - before;

            assertThat(errors).isZero();
            assertThat(checksum).isNotZero();
            assertThat((double) allocated / (frames * (long) TRADES_PER_FRAME))
                    .as("bytes allocated per trade (%d bytes for %d trades)", allocated, frames * TRADES_PER_FRAME)
                    .isLessThan(1.0);
        }
    }

    /** 50 lv2 lines for 10 codes, 20 trades each, in both field orders. */
    private static String tradeFrameText() {
        List<String> lines = new ArrayList<>();
        long id = 1_000_000;
        for (int line = 0; line < LINES; line++) {
            StringBuilder text = new StringBuilder("lv2_60051").append(line % 10).append('=');
            for (int t = 0; t < TRADES_PER_LINE; t++) {
                id++;
                String time = String.format("09:%02d:%02d.%03d", 30 + line % 30, t, (t * 37) % 1000);
                String price = 1700 + t + "." + (10 + line);
                text.append(t == 0 ? "" : "|")
                        .append(t % 2 == 0 ? time + "," + id : id + "," + time)
                        .append(',').append(price).append(',').append(100 * (t + 1));
            }
            lines.add(text.toString());
        }
        return WireText.lines(lines);
    }
}
