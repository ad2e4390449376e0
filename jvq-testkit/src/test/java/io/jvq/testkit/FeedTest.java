package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import io.jvq.sim.MarketSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedTest {
    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    /** A tick per subscribed code, numbered, so each frame says which tick it came from. */
    private static final class CountingSource implements QuoteSource {
        final CopyOnWriteArrayList<Set<SubscriptionCode>> asked = new CopyOnWriteArrayList<>();

        @Override
        public String nextTick(Set<SubscriptionCode> subscribed) {
            asked.add(subscribed);
            return subscribed.stream().map(c -> c.wire() + "=tick" + asked.size()).sorted()
                    .collect(Collectors.joining("\n"));
        }
    }

    @Test
    void asksForTheUnionOfSubscriptionsAndSendsEachConnectionItsOwnCodes() {
        CountingSource source = new CountingSource();
        try (WsProbe a = WsProbe.connect(server); WsProbe b = WsProbe.connect(server)) {
            a.command("all=lv1_600519");
            b.command("all=lv2_000001,lv1_600519");

            server.startFeed(source, Duration.ofMillis(20));
            String toA = a.nextBinary().inflated();
            String toB = b.nextBinary().inflated();
            server.stopFeed();

            assertThat(toA).matches("lv1_600519=tick\\d+\n?");
            assertThat(toB).matches("lv1_600519=tick\\d+\nlv2_000001=tick\\d+");
            assertThat(source.asked).contains(Set.of(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("000001")));
        }
    }

    @Test
    void runsTheMarketSimulatorAsAQuoteSource() {
        MarketSimulator market = MarketSimulator.builder().seed(7).build();
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519,lv2_000001");

            server.startFeed(market::nextTick, Duration.ofMillis(20));
            String tick = client.nextBinary().inflated();
            server.stopFeed();

            assertThat(tick.lines().map(line -> line.substring(0, line.indexOf('='))).distinct())
                    .isSubsetOf("lv1_600519", "lv2_000001").contains("lv1_600519");
            assertThat(tick).contains("贵州茅台");
        }
    }

    @Test
    void stopsOnAFailingSourceAndReportsItOnStop() {
        server.startFeed(codes -> {
            throw new IllegalStateException("simulator broke");
        }, Duration.ofMillis(10));

        Throwable failure = awaitFeedFailure();

        assertThat(failure).hasMessage("simulator broke");
        assertThatThrownBy(server::stopFeed).isInstanceOf(IllegalStateException.class)
                .hasMessage("the quote feed had stopped: simulator broke").hasCause(failure);
    }

    @Test
    void stopsOnAMalformedTick() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519");
            server.startFeed(codes -> "no code here", Duration.ofMillis(10));

            assertThat(awaitFeedFailure()).hasMessageStartingWith("quote line 1 has no '<code>=' prefix");
        }
    }

    private Throwable awaitFeedFailure() {
        long deadline = System.nanoTime() + WsProbe.WAIT.toNanos();
        while (server.feedFailure().isEmpty()) {
            assertThat(System.nanoTime()).as("the feed should have failed by now").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return server.feedFailure().orElseThrow();
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThatThrownBy(() -> server.startFeed(codes -> "", Duration.ZERO)).hasMessageContaining("positive");
    }
}
