package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.DecodeError;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder's limits hold end to end, through a real socket. */
class InflateCapTest {
    private static final int CAP = 64 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aDecompressionBombIsCutAtTheCapAndTheNextFrameStillDecodes(Transport transport) throws Exception {
        DeliveryLedger events = new DeliveryLedger();
        TradeTape tape = new TradeTape(List.of(CODE), 3, 1);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().maxInflatedBytes(CAP).build())
                     .listener(events).build()) {
            client.subscribe(CODE);
            client.start();
            events.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);

            // 32 MiB of zeros: a few tens of kilobytes on the wire, 512 times the cap inflated.
            assertThat(server.pushBomb(32L * 1024 * 1024)).isEqualTo(1);
            assertThat(server.pushQuotes(tape.nextFrame())).isEqualTo(1);

            assertThat(DeliveryLedger.awaitCount(events::trades, 3, WAIT)).as("trades after the bomb").isTrue();
            assertThat(events.decodeErrors()).singleElement().satisfies(error -> {
                assertThat(error.frameLevel()).isTrue();
                assertThat(error.reason()).contains("cap").contains(String.valueOf(CAP));
            });
            assertThat(client.stats().decodeErrors()).isEqualTo(1);
            assertThat(client.isConnected()).as("a bomb does not cost the connection").isTrue();
        }
    }

    /**
     * What a bomb costs the reader at the default cap (16 MiB): the time from the push to the
     * next frame's trade, against the time a plain frame takes. Printed, asserted only as finite:
     * the figure depends on the machine.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aBombAtTheDefaultCapCostsTheReaderOneCappedInflation(Transport transport) throws Exception {
        DeliveryLedger events = new DeliveryLedger();
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().build()).listener(events).build()) {
            client.subscribe(CODE);
            client.start();
            events.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);
            long plainNanos = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                server.pushQuotes(tape.nextFrame());
                assertThat(DeliveryLedger.awaitCount(events::trades, tape.nextId() - 1, WAIT)).isTrue();
                plainNanos = Math.min(plainNanos, System.nanoTime() - start);
            }
            long bombNanos = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                server.pushBomb(2L * ClientOptions.DEFAULT_MAX_INFLATED_BYTES);
                server.pushQuotes(tape.nextFrame());
                assertThat(DeliveryLedger.awaitCount(events::trades, tape.nextId() - 1, WAIT)).isTrue();
                bombNanos = Math.min(bombNanos, System.nanoTime() - start);
            }
            assertThat(events.decodeErrors()).hasSize(3).allMatch(DecodeError::frameLevel);
            System.out.printf("jvq inflate cap [%s]: a 32 MiB bomb against the default 16 MiB cap holds the reader"
                    + " %.1f ms (best of 3); a plain frame %.2f ms (best of 20)%n", transport, bombNanos / 1e6,
                    plainNanos / 1e6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void anOverLongBadLineIsReportedWithItsExcerptCut(Transport transport) throws Exception {
        DeliveryLedger events = new DeliveryLedger();
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        String longBadLine = CODE.wire() + "=10:15:00.000,1,1700.50," + "x".repeat(50_000);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().maxInflatedBytes(CAP).build())
                     .listener(events).build()) {
            client.subscribe(CODE);
            client.start();
            events.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);

            assertThat(server.pushMalformedLines(longBadLine, "no code at all " + "y".repeat(10_000))).isEqualTo(1);
            assertThat(server.pushQuotes(tape.nextFrame())).isEqualTo(1);

            assertThat(DeliveryLedger.awaitCount(events::trades, 1, WAIT)).isTrue();
            List<DecodeError> errors = events.decodeErrors();
            assertThat(errors).hasSize(2).allSatisfy(error -> {
                assertThat(error.frameLevel()).isFalse();
                assertThat(error.excerpt()).hasSize(DecodeError.MAX_EXCERPT);
                assertThat(error.reason()).isNotBlank();
            });
            assertThat(errors.get(0).excerpt()).isEqualTo(longBadLine.substring(0, DecodeError.MAX_EXCERPT));
            assertThat(errors.get(0).code()).isEqualTo(CODE.wire());
        }
    }
}
