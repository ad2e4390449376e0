package io.jvq.bench.e2e;

import io.jvq.bench.EndToEndLatency;
import io.jvq.bench.LoopbackFloor;
import io.jvq.bench.WebSocketFloor;
import io.jvq.core.QuoteLevel;
import io.jvq.sim.MarketSimulator;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The end-to-end harnesses measure what they say, checked on tiny runs. */
class EndToEndHarnessTest {

    @Test
    void theLatencyHarnessTimesEveryTradeItPacedOut() throws InterruptedException {
        EndToEndLatency.Result result = EndToEndLatency.run(new EndToEndLatency.Settings(
                Transport.VERTX, DeliveryPath.RECORDS, 20_000, 1024, 0, 1, PacedFeed.Where.INPROCESS));

        assertThat(result.overruns()).isZero();
        assertThat(result.decodeErrors()).isZero();
        assertThat(result.trades()).isEqualTo(result.sinceSent().getTotalCount()).isPositive();
        assertThat(result.sinceDue().getTotalCount()).isEqualTo(result.trades());
        // From when a frame was due is never shorter than from when it went out.
        assertThat(result.sinceDue().getMaxValue()).isGreaterThanOrEqualTo(result.sinceSent().getMaxValue());
        assertThat(result.report()).contains("VERTX RECORDS, server INPROCESS").contains("p99.9");
    }

    @Test
    void withTheServerInAChildProcessEveryPacedTradeIsTimedThroughTheMappedLog()
            throws InterruptedException {
        EndToEndLatency.Result result = EndToEndLatency.run(new EndToEndLatency.Settings(
                Transport.TYRUS, DeliveryPath.RECORDS, 5_000, 1024, 0, 2, PacedFeed.Where.PROCESS));

        // run() itself waits until every trade the child paced out arrived, and fails if one did not.
        assertThat(result.overruns()).isZero();
        assertThat(result.decodeErrors()).isZero();
        // Two seconds at 5,000 trades/s, give or take the frames at either end of the window.
        assertThat(result.trades()).isEqualTo(result.sinceSent().getTotalCount()).isBetween(8_000L, 12_000L);
        assertThat(result.frames()).isPositive();
        // The send times came from the child: a latency from another process's clock is still sane.
        assertThat(result.sinceSent().getMinValue()).isPositive();
        assertThat(result.sinceSent().getValueAtPercentile(50)).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(result.serverCpuShare()).isPositive();
        assertThat(result.report()).contains("TYRUS RECORDS, server PROCESS").contains("the server's JVM")
                .contains("context switches per frame");
    }

    @Test
    void theLoopbackFloorTimesEveryFrameItPacedOut() throws Exception {
        LoopbackFloor.Result result = LoopbackFloor.run(20_000, 1024, 0, 1);

        assertThat(result.framesSent()).isPositive();
        assertThat(result.sinceSent().getTotalCount()).isEqualTo(result.framesSent());
        assertThat(result.sinceDue().getMaxValue()).isGreaterThanOrEqualTo(result.sinceSent().getMaxValue());
        assertThat(result.sinceSent().getValueAtPercentile(50)).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(result.report()).contains("plain TCP on loopback").contains("p99.9");
    }

    @Test
    void theBareWebsocketFloorReadsEveryFrameTheChildServerPacedOut() throws Exception {
        WebSocketFloor.Result result = WebSocketFloor.run(PacedFeed.Where.PROCESS, 5_000, 1024, 0, 2);

        // run() itself waits until every frame the child paced out was read, and fails if one was not.
        assertThat(result.overruns()).isZero();
        // The window's frames, give or take those in flight at either end of it.
        assertThat(result.lastByte().getTotalCount()).isPositive()
                .isBetween(result.framesSent() * 9 / 10, result.framesSent() * 11 / 10);
        // The window's histograms are cut one after the other while frames arrive: one frame may straddle the cut.
        assertThat(result.inflated().getTotalCount()).isBetween(result.lastByte().getTotalCount() - 1,
                result.lastByte().getTotalCount() + 1);
        // Inflating comes after the last byte, and a frame is read no sooner than it was due.
        assertThat(result.inflated().getMinValue()).isGreaterThanOrEqualTo(result.lastByte().getMinValue());
        assertThat(result.sinceDue().getMaxValue()).isGreaterThanOrEqualTo(result.lastByte().getMaxValue());
        assertThat(result.lastByte().getValueAtPercentile(50)).isPositive().isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(result.serverCpuShare()).isPositive();
        assertThat(result.report()).contains("bare WebSocket reader, server PROCESS").contains("the server's JVM");
    }

    @Test
    void aBareServerWritingOnThePacersThreadFeedsBothTransportsEveryPacedTrade()
            throws InterruptedException {
        for (Transport transport : Transport.values()) {
            EndToEndLatency.Result result = EndToEndLatency.run(new EndToEndLatency.Settings(
                    transport, DeliveryPath.FLYWEIGHT, 5_000, 1024, 0, 1, PacedFeed.Where.BARE));

            assertThat(result.overruns()).as("%s", transport).isZero();
            assertThat(result.decodeErrors()).as("%s", transport).isZero();
            assertThat(result.trades()).as("%s", transport).isBetween(3_000L, 7_000L);
            assertThat(result.sinceSent().getValueAtPercentile(50)).isPositive().isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void theBareWebsocketReadsTheBareServerToo() throws Exception {
        WebSocketFloor.Result result = WebSocketFloor.run(PacedFeed.Where.BARE, 5_000, 1024, 0, 1);

        assertThat(result.overruns()).isZero();
        assertThat(result.lastByte().getTotalCount()).isPositive()
                .isBetween(result.framesSent() * 9 / 10, result.framesSent() * 11 / 10);
        assertThat(result.report()).contains("server BARE");
    }

    @Test
    void theBareWebsocketIsRefusedAPathDiscoveryDidNotIssue() {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            assertThatThrownBy(() -> BareWebSocket.open(URI.create(
                    "ws://127.0.0.1:" + server.port() + "/never-issued?token=" + server.token())))
                    .isInstanceOf(IOException.class).hasMessageContaining("upgrade refused").hasMessageContaining("404");
        }
    }

    @Test
    void theLatencyTapCountsAFrameWhoseSlotWasReusedAsAnOverrun() {
        SendLog log = SendLog.inMemory(2);
        LatencyTap tap = new LatencyTap(log);
        log.sending(0, 0, 1, 1);
        log.sending(0, 2, 1, 1); // frame 2 took slot 0 before frame 0 arrived

        tap.onTrade(MarkedFrames.MARKER_BASE, 100, 1);

        assertThat(tap.overruns()).isEqualTo(1);
        assertThat(tap.trades()).isEqualTo(1);
    }

    @Test
    void theWindowDeliversEveryFrameThroughBothTransportsAndPaths() {
        byte[] frame = "lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.120,2,1700.49,300\n".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = io.jvq.bench.frames.Deflate.raw(frame);
        for (Transport transport : Transport.values()) {
            for (DeliveryPath path : DeliveryPath.values()) {
                FeedTap tap = FeedTap.counting();
                TradeWindow window = new TradeWindow(tap, 4, Duration.ofSeconds(10));
                try (ClientRig rig = ClientRig.start(transport, path, List.of(MarketSimulator.fullMarketCodes(QuoteLevel.LV2).get(0)), tap)) {
                    for (int i = 0; i < 50; i++) {
                        window.awaitRoom();
                        rig.server().pushBinary(wire);
                        window.pushed(2);
                    }
                    window.drain();
                }
                assertThat(tap.trades()).as("%s %s", transport, path).isEqualTo(100);
                assertThat(tap.decodeErrors()).isZero();
            }
        }
    }

    @Test
    void aWindowWaitingOnAClientThatDeliversNothingGivesUpWithTheCounts() {
        FeedTap tap = FeedTap.counting();
        TradeWindow window = new TradeWindow(tap, 1, Duration.ofMillis(50));
        window.pushed(10);

        assertThatThrownBy(window::awaitRoom).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 of 10 trades delivered");
    }
}
