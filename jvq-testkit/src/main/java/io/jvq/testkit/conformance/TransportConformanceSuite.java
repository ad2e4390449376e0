package io.jvq.testkit.conformance;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.RawDeflate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every transport (a {@link SocketPort} and a {@link DiscoveryPort}) must show when it
 * drives the real {@link JvqClient} against a {@link FakeJvQuant}: discovery, connecting with the
 * token, commands and replies, quotes decoded exactly, reconnection after a close, a cut and a stall,
 * no reconnect storm on a wrong token, bad frames survived, each frame's end after its records, and a
 * clean {@code close()}.
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends TransportConformanceSuite {
 *     protected SocketPort createSocketPort() { return new MySocketPort(); }
 *     protected DiscoveryPort createDiscoveryPort() { return new MyDiscoveryPort(); }
 * }
 * }</pre>
 *
 * Each test starts its own fake server and creates fresh ports through the factory methods; the
 * client closes them. Timers are short (pings every 200 ms, idle timeout 2 s, reconnect after 50 ms
 * doubling to 400 ms) and waits are generous ({@link #patience()}) so that slow CI machines pass.
 */
public abstract class TransportConformanceSuite extends ConnectionConformance {
    // ------------------------------------------------------------------ quotes

    @Test
    void deliversLevel1QuotesExactlyAsSent() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1, PINGAN_LV1);

        server.pushQuotes(MOUTAI_LINE + "\n" + PINGAN_LINE + "\n");

        List<QuoteEvent> quotes = events.nextQuotes(2, patience());
        assertEquals(new Level1Quote(MOUTAI_LV1, TimeOfDay.of(14, 59, 59, 0), "贵州茅台", fp("1700.50"), fp("1.23"),
                12_345_678, fp("20987654321.50"), new long[]{
                        100, fp("1700.49"), 200, fp("1700.48"), 300, fp("1700.47"), 400, fp("1700.46"), 500, fp("1700.45"),
                        100, fp("1700.50"), 200, fp("1700.51"), 300, fp("1700.52"), 400, fp("1700.53"), 500, fp("1700.54")}),
                quotes.get(0));
        assertEquals(new Level1Quote(PINGAN_LV1, TimeOfDay.of(14, 59, 59, 0), "平安银行", fp("11.50"), fp("-0.52"),
                98_765_432, fp("1135802468.00"), new long[]{
                        1200, fp("11.49"), 3400, fp("11.48"), 0, 0, 0, 0, 0, 0,
                        5600, fp("11.50"), 7800, fp("11.51"), 9000, fp("11.52"), 100, fp("11.53"), 200, fp("11.54")}),
                quotes.get(1));
    }

    @Test
    void deliversLevel2TradesExactlyAsSentInEitherFieldOrder() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV2, BOND_LV2);

        server.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100|1234568,09:30:00.120,1700.49,300\n"
                + "lv2_127063=09:30:00.450,88001,118.350,10\n");

        assertEquals(List.of(
                new Level2Trade(MOUTAI_LV2, TimeOfDay.of(9, 30, 0, 120), 1_234_567, fp("1700.50"), 100),
                new Level2Trade(MOUTAI_LV2, TimeOfDay.of(9, 30, 0, 120), 1_234_568, fp("1700.49"), 300),
                new Level2Trade(BOND_LV2, TimeOfDay.of(9, 30, 0, 450), 88_001, fp("118.350"), 10)),
                events.nextQuotes(3, patience()));
    }

    @Test
    void deliversALevel10BookExactlyAsSent() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV10);
        long[] book = new long[40];
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean price = i % 20 < 10;
            int level = i % 10;
            long cents = i < 20 ? 170_049 - level : 170_050 + level;
            long quantity = i < 20 ? 100L * (level + 1) : 50L * (level + 1);
            book[i] = price ? cents * 100 : quantity;
            fields.add(price ? cents / 100 + "." + twoDigits(cents % 100) : Long.toString(quantity));
        }

        server.pushQuotes("lv10_600519=10:15:30,贵州茅台,1700.50,1680.00,20987654321.50,12345678,"
                + String.join(",", fields) + "\n");

        assertEquals(new Level10Book(MOUTAI_LV10, TimeOfDay.of(10, 15, 30, 0), "贵州茅台", fp("1700.50"), fp("1680.00"),
                fp("20987654321.50"), 12_345_678, book), events.nextQuotes(1, patience()).get(0));
    }

    @Test
    void acceptsAFrameFarLargerThanCommonFrameSizeDefaults() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV2);
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder text = new StringBuilder();
        List<Level2Trade> expected = new ArrayList<>();
        long id = 1_000_000;
        for (int line = 0; line < 4_000; line++) {
            text.append("lv2_600519=");
            for (int trade = 0; trade < 10; trade++) {
                id += 1 + random.nextInt(1000);
                int cents = 170_000 + random.nextInt(10_000);
                long quantity = 100L * (1 + random.nextInt(500));
                int millis = TimeOfDay.of(10, 0, 0, 0) + line * 97 + trade;
                text.append(trade == 0 ? "" : "|").append(TimeOfDay.format(millis, true)).append(',').append(id)
                        .append(',').append(cents / 100).append('.').append(twoDigits(cents % 100))
                        .append(',').append(quantity);
                expected.add(new Level2Trade(MOUTAI_LV2, millis, id, cents * 100L, quantity));
            }
            text.append('\n');
        }
        int compressed = RawDeflate.deflate(text.toString()).length;
        assertTrue(compressed > 256 * 1024, "the frame is bigger than common defaults: " + compressed + " bytes");

        server.pushQuotes(text.toString());

        assertEquals(expected, events.nextQuotes(expected.size(), patience()));
    }

    /** Three frames (the second with a line that does not parse), as the tape a frame-aware listener writes. */
    private static final List<String> THREE_FRAMES_TAPE = List.of(
            "trade 1", "trade 2", "frame end",
            "trade 3", "error", "frame end",
            "trade 4", "frame end");

    /** Builds the client on fresh ports, subscribes to Moutai's trades and waits until it is connected. */
    private void connectForFrames(JvqClient.Builder builder, RecordingListener events) {
        JvqClient client = build(builder.options(options(server).build()));
        client.subscribe(MOUTAI_LV2);
        client.start();
        assertEquals(allCommand(MOUTAI_LV2), server.takeCommand(patience()).text(), "the subscription sent on connect");
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());
    }

    private void pushThreeFrames() {
        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.120,2,1700.49,300\n");
        server.pushQuotes("lv2_600519=09:30:01.000,3,1700.48,200\nlv2_600519=not a trade\n");
        server.pushQuotes("lv2_600519=09:30:02.000,4,1700.47,100\n");
    }

    @Test
    void aListenerHearsTheEndOfEachFrameAfterItsEventsOnTheirThread() {
        FrameTape tape = new FrameTape();
        RecordingListener events = new RecordingListener();
        QuoteListener listener = new QuoteListener() {
            @Override
            public void onEvent(JvqEvent event) {
                events.onEvent(event);
                if (event instanceof Level2Trade trade) {
                    tape.add("trade " + trade.tradeId());
                } else if (event instanceof DecodeError) {
                    tape.add("error");
                }
            }

            @Override
            public void onFrameEnd() {
                tape.add("frame end");
            }
        };
        connectForFrames(JvqClient.builder().listener(listener), events);

        pushThreeFrames();

        assertEquals(THREE_FRAMES_TAPE, tape.await(THREE_FRAMES_TAPE.size(), patience()));
        assertEquals(1, tape.threads().size(), "one reader thread delivers a connection's frames: " + tape.threads());
    }

    @Test
    void aQuoteSinkHearsTheEndOfEachFrameAfterItsRecordsOnTheirThread() {
        FrameTape tape = new FrameTape();
        QuoteSink sink = new QuoteSink() {
            @Override
            public void onTrade(TradeView trade) {
                tape.add("trade " + trade.tradeId());
            }

            @Override
            public void onLevel1(Level1View quote) {
            }

            @Override
            public void onLevel10(Level10View book) {
            }

            @Override
            public void onError(DecodeError error) {
                tape.add("error");
            }

            @Override
            public void onFrameEnd() {
                tape.add("frame end");
            }
        };
        RecordingListener events = new RecordingListener();
        connectForFrames(JvqClient.builder().listener(events).quoteSink(sink), events);

        pushThreeFrames();

        assertEquals(THREE_FRAMES_TAPE, tape.await(THREE_FRAMES_TAPE.size(), patience()));
        assertEquals(1, tape.threads().size(), "one reader thread delivers a connection's frames: " + tape.threads());
    }

    // ------------------------------------------------------------------ bad frames

    @Test
    void survivesFramesThatDoNotInflateOrInflateTooFarAndBadLines() {
        RecordingListener events = new RecordingListener();
        int cap = 1024 * 1024;
        JvqClient client = newClient(options(server).maxInflatedBytes(cap).build(), events);
        client.subscribe(MOUTAI_LV1);
        client.start();
        server.takeCommand(patience());
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());

        server.pushNotDeflate();
        DecodeError notDeflate = events.nextDecodeError(patience());
        server.pushBomb(2L * cap);
        DecodeError bomb = events.nextDecodeError(patience());
        server.pushQuotesToAll(MOUTAI_LINE + "\nlv1_600519=14:59:59,贵州茅台,not-a-price\n" + PINGAN_LINE + "\n");
        DecodeError badLine = events.nextDecodeError(patience());
        List<QuoteEvent> goodLines = events.nextQuotes(2, patience());
        server.pushQuotes(MOUTAI_LINE);
        QuoteEvent after = events.nextQuotes(1, patience()).get(0);

        assertTrue(notDeflate.frameLevel(), "a frame that does not inflate is skipped whole: " + notDeflate);
        assertTrue(bomb.frameLevel(), "a frame past the cap is skipped whole: " + bomb);
        assertEquals("lv1_600519", badLine.code());
        assertTrue(badLine.excerpt().contains("not-a-price"), badLine.toString());
        assertEquals(List.of(MOUTAI_LV1, PINGAN_LV1), goodLines.stream().map(QuoteEvent::code).toList(),
                "the good lines around a bad one are delivered");
        assertEquals(MOUTAI_LV1, after.code());
        assertEquals(1, server.acceptedConnectionCount(), "the connection stayed up");
        assertTrue(events.events().stream().noneMatch(ConnectionEvent.Disconnected.class::isInstance));
    }

    // ------------------------------------------------------------------ helpers

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private static long fp(String decimal) {
        return FixedPoint.of(decimal);
    }
}
