package io.jvq.kafka;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a source promises when things go wrong around it: two bridges racing during a hand-over, a
 * group restarted with a start time, a listener that throws an {@code Error}. Bridges publish
 * straight from events here (no jvQuant connection), so that the order records reach Kafka is the
 * test's to choose.
 */
class SourceUnderAbuseTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Instant MORNING = Instant.parse("2026-11-30T01:00:00Z"); // 09:00 in Shanghai
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    private String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void newTopics() {
        prefix = "a" + PREFIXES.incrementAndGet() + ".";
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aHandOverDeliversTheOldBridgesLateTradesThoughTheNewBridgesLandedFirst() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        trades.next(20);
        List<Level2Trade> sent = trades.sent(); // ids 1..20
        KafkaQuoteBridge old = keep(bridge(Clock.systemUTC()));
        KafkaQuoteBridge replacement = keep(bridge(Clock.systemUTC()));

        // the replacement connected in time for trade 11; the old bridge, lagging, still publishes
        // 1..10, which the replacement never had: the two streams interleave in the partition
        for (int i = 0; i < 10; i++) {
            publishNow(replacement, sent.get(10 + i));
            publishNow(old, sent.get(i));
        }
        // then the old bridge catches up with trades the replacement published already
        for (int i = 10; i < 13; i++) {
            publishNow(old, sent.get(i));
        }

        Received received = new Received();
        KafkaQuoteSource source = keep(source(received).startAt(StartPosition.earliest()).build());
        source.start();
        received.awaitTrades(20, WAIT);
        Thread.sleep(500); // a duplicate would show as an extra trade

        assertThat(received.trades()).extracting(Level2Trade::tradeId).as("each trade once, in the order it landed")
                .containsExactly(11L, 1L, 12L, 2L, 13L, 3L, 14L, 4L, 15L, 5L, 16L, 6L, 17L, 7L, 18L, 8L, 19L, 9L,
                        20L, 10L);
        assertThat(source.stats().duplicates()).as("the old bridge's 11, 12, 13").isEqualTo(3);
    }

    @Test
    void aGroupStartingAtATimeResumesFromItsCommitsWhenRestarted() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        trades.next(9);
        List<Level2Trade> sent = trades.sent();
        KafkaQuoteBridge early = keep(bridge(Clock.fixed(MORNING, ZoneOffset.UTC)));
        KafkaQuoteBridge later = keep(bridge(Clock.fixed(MORNING.plusSeconds(3600), ZoneOffset.UTC)));
        sent.subList(0, 3).forEach(early::publish);
        awaitPublished(early, 3); // before the later ones, as time would have it
        sent.subList(3, 6).forEach(later::publish);
        awaitPublished(later, 3);
        StartPosition halfPastNine = StartPosition.at(MORNING.plusSeconds(1800));

        Received first = new Received();
        try (KafkaQuoteSource source = source(first).groupId(prefix + "g").startAt(halfPastNine).build()) {
            source.start();
            first.awaitTrades(3, WAIT);
        }
        assertThat(first.trades()).extracting(Level2Trade::tradeId).containsExactly(4L, 5L, 6L);

        sent.subList(6, 9).forEach(later::publish);
        awaitPublished(later, 6);
        Received restarted = new Received();
        keep(source(restarted).groupId(prefix + "g").startAt(halfPastNine).build()).start();
        restarted.awaitTrades(3, WAIT);
        Thread.sleep(500); // a seek back to 09:30 would bring 4, 5, 6 again
        assertThat(restarted.trades()).extracting(Level2Trade::tradeId).as("the group's commit, not 09:30")
                .containsExactly(7L, 8L, 9L);
    }

    @Test
    void anErrorFromTheListenerStopsTheSourceAndCommitsOnlyTheTradesDelivered() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        trades.next(10);
        KafkaQuoteBridge bridge = keep(bridge(Clock.systemUTC()));
        trades.sent().forEach(bridge::publish);
        awaitPublished(bridge, 10);
        String group = prefix + "g";

        Received heard = new Received();
        QuoteListener failing = new QuoteListener() {
            @Override
            public void onEvent(JvqEvent event) {
                if (event instanceof Level2Trade trade && trade.tradeId() == 5) {
                    throw new StackOverflowError("a strategy's bug"); // an Error, not an Exception
                }
                heard.onEvent(event);
            }
        };
        KafkaQuoteSource source = keep(source(failing).groupId(group).startAt(StartPosition.earliest()).build());
        source.start();
        heard.awaitEvents(ConnectionEvent.Closed.class::isInstance, 1, WAIT);

        assertThat(heard.trades()).extracting(Level2Trade::tradeId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(committed(group)).as("the offset of trade 5, the first not delivered").isEqualTo(4);
        assertThat(heard.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                ConnectionEvent.Disconnected.class, d -> assertThat(d.reason()).contains("StackOverflowError")));

        Received next = new Received();
        keep(source(next).groupId(group).startAt(StartPosition.earliest()).build()).start();
        next.awaitTrades(6, WAIT);
        assertThat(next.trades()).extracting(Level2Trade::tradeId)
                .containsExactlyElementsOf(LongStream.rangeClosed(5, 10).boxed().toList());
    }

    private KafkaQuoteBridge bridge(Clock clock) {
        return KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(prefix).clock(clock)
                .build();
    }

    private KafkaQuoteSource.Builder source(QuoteListener received) {
        return KafkaQuoteSource.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(prefix)
                .codes(new Trades(List.of("600519")).codes()).listener(received);
    }

    /** Publishes and waits for Kafka's acknowledgement, so that the next record lands after this one. */
    private static void publishNow(KafkaQuoteBridge bridge, Level2Trade trade) throws InterruptedException {
        long before = bridge.stats().published();
        bridge.publish(trade);
        awaitPublished(bridge, before + 1);
    }

    private static void awaitPublished(KafkaQuoteBridge bridge, long n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bridge.stats().published() < n) {
            assertThat(System.nanoTime()).as("published " + n + ": " + bridge.stats()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(prefix + "lv2", 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }
}
