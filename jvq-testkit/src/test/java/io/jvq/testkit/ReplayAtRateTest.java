package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replay paced by trades: on the fake's event loop, every frame in order, filtered per subscription. */
class ReplayAtRateTest {
    private static final String MOUTAI = "lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.60,200\n";
    private static final String PINGAN = "lv2_000001=09:30:00.140,3,10.50,300\n";
    private static final Capture FRAMES = new Capture(CaptureHeader.minimal(), List.of(
            new CaptureEntry.Quotes(0, MOUTAI + PINGAN),
            new CaptureEntry.Quotes(0, PINGAN),
            new CaptureEntry.Quotes(0, MOUTAI)));

    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void sendsEveryFrameInOrderFromTheEventLoopAndCountsItsTrades() {
        List<String> sentBy = new CopyOnWriteArrayList<>();
        List<Long> frames = new CopyOnWriteArrayList<>();
        List<Long> lateBy = new CopyOnWriteArrayList<>();
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv2_600519,lv2_000001");

            Replay replay = server.replay(FRAMES, ReplayRate.tradesPerSecond(1_000), (number, index, due, now) -> {
                sentBy.add(Thread.currentThread().getName());
                frames.add(number * 10 + index);
                lateBy.add(now - due);
            });
            replay.await(WsProbe.WAIT);

            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI + PINGAN);
            assertThat(client.nextBinary().inflated()).isEqualTo(PINGAN);
            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI);
            assertThat(replay.tradesSent()).isEqualTo(3 + 1 + 2);
            assertThat(replay.entriesPlayed()).isEqualTo(3);
            assertThat(frames).containsExactly(0L, 11L, 22L);
            assertThat(lateBy).as("no frame is written before it is due").allSatisfy(late -> assertThat(late).isNotNegative());
            assertThat(sentBy).as("the fake's event loop writes the frames, no other thread hands them over")
                    .allSatisfy(thread -> assertThat(thread).startsWith("vert.x-eventloop-thread"));
        }
    }

    @Test
    void followsASubscriptionThatChangesWhileItPlays() {
        List<Integer> indexes = new CopyOnWriteArrayList<>();
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv2_600519");
            Replay replay = server.replay(FRAMES, ReplayRate.tradesPerSecond(20).looping(),
                    (number, index, due, now) -> indexes.add(index));

            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI);
            client.command("all=lv2_000001");
            // frames sent before the reply may still hold 600519 lines; from the first after it, 000001 only
            String frame;
            do {
                frame = client.nextBinary().inflated();
            } while (frame.contains("600519"));
            assertThat(frame).isEqualTo(PINGAN);
            replay.cancel();

            assertThatThrownBy(() -> replay.await(WsProbe.WAIT)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("cancelled");
            assertThat(indexes).as("the probe is told of every frame, the capture's in turn, looping").hasSizeGreaterThan(1);
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i)).isEqualTo(i % 3);
            }
        }
    }

    @Test
    void unfilteredSendsEveryFrameAsItIsToAConnectionThatSubscribesToNothing() {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);

            server.replay(FRAMES, ReplayRate.tradesPerSecond(1_000).unfiltered()).await(WsProbe.WAIT);

            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI + PINGAN);
            assertThat(client.nextBinary().inflated()).isEqualTo(PINGAN);
            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI);
            assertThat(ReplayRate.tradesPerSecond(5).looping().unfiltered()).hasToString("5 trades/s, looping, unfiltered");
        }
    }

    @Test
    void aCancelledReplayStopsAtOnceThoughItsNextFrameIsFarOff() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv2_600519,lv2_000001");
            // one trade a second: the second frame is due three seconds after the first
            Replay replay = server.replay(FRAMES, ReplayRate.tradesPerSecond(1));
            assertThat(client.nextBinary().inflated()).isEqualTo(MOUTAI + PINGAN);

            replay.cancel();

            assertThatThrownBy(() -> replay.await(Duration.ofSeconds(1))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("replay cancelled after 1 entries");
            assertThat(client.poll(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void endsWhenTheServerCloses() {
        Replay replay = server.replay(FRAMES, ReplayRate.tradesPerSecond(1).looping());

        server.close();

        assertThatThrownBy(() -> replay.await(WsProbe.WAIT)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("replay failed");
    }
}
