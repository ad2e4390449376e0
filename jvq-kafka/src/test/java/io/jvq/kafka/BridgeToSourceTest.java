package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake jvQuant feeds a real client; a bridge publishes to a real in-process Kafka; sources read
 * the quotes back. One broker for the class; each test uses topics of its own prefix.
 */
class BridgeToSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    private FakeJvQuant server;
    private String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = FakeJvQuant.start();
        prefix = "t" + PREFIXES.incrementAndGet() + ".";
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    private KafkaQuoteBridge.Builder bridge() {
        return KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(prefix);
    }

    private BridgeRun startBridge(KafkaQuoteBridge.Builder bridge, List<SubscriptionCode> codes) throws Exception {
        BridgeRun run = keep(BridgeRun.start(bridge, server, codes));
        awaitEveryConnectionSubscribed();
        return run;
    }

    private KafkaQuoteSource.Builder source(List<SubscriptionCode> codes, Received received) {
        return KafkaQuoteSource.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(prefix)
                .codes(codes).startAt(StartPosition.earliest()).listener(received);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    @ParameterizedTest
    @EnumSource(ValueFormat.class)
    void everyTradeTheServerSentReachesTheConsumerOnceAndInOrderPerCode(ValueFormat format) throws Exception {
        Trades trades = new Trades(List.of("600519", "000001", "300750"));
        BridgeRun bridge = startBridge(bridge().valueFormat(format), trades.codes());
        for (int frame = 0; frame < 20; frame++) {
            server.pushQuotes(trades.next(5));
        }
        Received received = new Received();
        keep(source(trades.codes(), received).build()).start();

        received.awaitTrades(300, WAIT);
        assertSameTradesPerCode(received.trades(), trades);
        assertThat(bridge.bridge.stats().dropped()).isZero();
    }

    @Test
    void recordsAreKeyedByCodeAndCarryTheVendorsTextAndTheReceiveHeaders() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        Instant before = Instant.now();
        BridgeRun bridge = startBridge(bridge(), trades.codes());
        server.pushQuotes(trades.next(2));
        bridge.awaitPublished(2, WAIT);

        List<ConsumerRecord<String, String>> records = readRaw(prefix + "lv2", 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("600519", "600519");
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                "lv2_600519=09:30:00.010,1,1700.51,200", "lv2_600519=09:30:00.020,2,1700.52,300");
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, QuoteHeaders.FORMAT)).isEqualTo("line");
        assertThat(header(first, QuoteHeaders.CONNECTION)).isEqualTo("1");
        assertThat(header(records.get(1), QuoteHeaders.SEQUENCE)).isEqualTo("2");
        long receivedNanos = Long.parseLong(header(first, QuoteHeaders.RECEIVED_NANOS));
        assertThat(receivedNanos).isBetween(before.toEpochMilli() * 1_000_000, Instant.now().toEpochMilli() * 1_000_000 + 999_999);
        assertThat(first.timestamp()).isEqualTo(receivedNanos / 1_000_000);
    }

    @Test
    void jsonValuesAreTheClisJsonEventsWithTheirSchemaVersionAndTradingDate() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        // 16:30 UTC is half past midnight in Shanghai: the trading date is the next day's
        Clock lateEvening = Clock.fixed(Instant.parse("2026-12-01T16:30:00Z"), ZoneOffset.UTC);
        BridgeRun bridge = startBridge(bridge().valueFormat(ValueFormat.JSON).clock(lateEvening), trades.codes());
        server.pushQuotes(trades.next(1));
        bridge.awaitPublished(1, WAIT);

        ConsumerRecord<String, String> record = readRaw(prefix + "lv2", 1).get(0);
        assertThat(record.value()).isEqualTo("{\"type\":\"lv2\",\"schemaVersion\":1,\"code\":\"600519\",\"date\":\"2026-12-02\","
                + "\"time\":\"09:30:00.010\",\"tradeId\":1,\"price\":1700.51,\"qty\":200}");
        assertThat(header(record, QuoteHeaders.FORMAT)).isEqualTo("json");
    }

    @Test
    void aDroppedJvQuantConnectionLosesNothingTheServerSentAndNumbersTheNewConnection() throws Exception {
        Trades trades = new Trades(List.of("600519", "000001"));
        BridgeRun bridge = startBridge(bridge(), trades.codes());
        Received received = new Received();
        keep(source(trades.codes(), received).build()).start();
        server.pushQuotes(trades.next(10));
        received.awaitTrades(20, WAIT);

        server.cutAll();
        bridge.events.awaitEvents(e -> e instanceof ConnectionEvent.Connected, 2, WAIT);
        server.awaitConnections(1, WAIT);
        awaitEveryConnectionSubscribed();
        server.pushQuotes(trades.next(10));

        received.awaitTrades(40, WAIT);
        assertSameTradesPerCode(received.trades(), trades);
        List<ConsumerRecord<String, String>> records = readRaw(prefix + "lv2", 4);
        assertThat(header(records.get(records.size() - 1), QuoteHeaders.CONNECTION)).isEqualTo("2");
        assertThat(header(records.get(records.size() - 1), QuoteHeaders.SEQUENCE)).isEqualTo("20");
    }

    @Test
    void aBridgeKilledMidStreamAndReplacedDeliversEveryTradeOnce() throws Exception {
        Trades trades = new Trades(List.of("600519", "000001"));
        Received received = new Received();
        KafkaQuoteSource source = keep(source(trades.codes(), received).build());
        source.start();

        BridgeRun first = startBridge(bridge(), trades.codes());
        server.pushQuotes(trades.next(10));
        first.awaitPublished(20, WAIT);
        // the replacement connects while the first still runs: both receive the next trades
        BridgeRun second = startBridge(bridge(), trades.codes());
        server.awaitAcceptedConnections(2, WAIT);
        server.pushQuotes(trades.next(10));
        waitUntil(() -> first.bridge.stats().received() == 40);
        first.kill(); // with these trades in its buffer, in flight or published
        server.pushQuotes(trades.next(10));

        received.awaitTrades(60, WAIT);
        second.awaitPublished(40, WAIT);
        Thread.sleep(500); // anything late would show as an extra trade
        assertSameTradesPerCode(received.trades(), trades);
        assertThat(source.stats().duplicates()).as("what both bridges published of the second batch, once skipped")
                .isGreaterThanOrEqualTo(first.bridge.stats().published() - 20);
    }

    @Test
    void aGroupOfTwoSourcesSharesTheCodes() throws Exception {
        String topic = prefix + "lv2";
        KAFKA.createTopic(topic, 4);
        List<String> symbols = onePerPartition(4, "600519", "000001", "300750", "601318", "000858", "002594",
                "600036", "601012", "000333", "600276");
        Trades trades = new Trades(symbols);
        Received one = new Received();
        Received two = new Received();
        keep(source(trades.codes(), one).groupId(prefix + "group").build()).start();
        keep(source(trades.codes(), two).groupId(prefix + "group").build()).start();
        one.awaitConnected(WAIT);
        two.awaitConnected(WAIT);

        startBridge(bridge(), trades.codes());
        server.pushQuotes(trades.next(5));

        waitUntil(() -> one.trades().size() + two.trades().size() >= 20);
        Set<String> codesOfOne = symbolsOf(one.trades());
        Set<String> codesOfTwo = symbolsOf(two.trades());
        assertThat(codesOfOne).isNotEmpty().doesNotContainAnyElementsOf(codesOfTwo);
        assertThat(codesOfTwo).isNotEmpty();
        List<Level2Trade> all = new ArrayList<>(one.trades());
        all.addAll(two.trades());
        assertSameTradesPerCode(all, trades);
    }

    @Test
    void aSourceStartingAtATimeReplaysFromThere() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        Instant morning = Instant.parse("2026-11-30T01:00:00Z");
        BridgeRun early = startBridge(bridge().clock(Clock.fixed(morning, ZoneOffset.UTC)), trades.codes());
        server.pushQuotes(trades.next(3));
        early.awaitPublished(3, WAIT);
        early.close();
        server.awaitConnections(0, WAIT);
        BridgeRun later = startBridge(bridge().clock(Clock.fixed(morning.plusSeconds(3600), ZoneOffset.UTC)),
                trades.codes());
        server.pushQuotes(trades.next(3));
        later.awaitPublished(3, WAIT);

        Received received = new Received();
        keep(source(trades.codes(), received).startAt(StartPosition.at(morning.plusSeconds(1800))).build()).start();
        received.awaitTrades(3, WAIT);
        Thread.sleep(500);
        assertThat(received.trades()).extracting(Level2Trade::tradeId).containsExactly(4L, 5L, 6L);
    }

    /** Each code's trades arrived as sent: all of them, once, in order. */
    static void assertSameTradesPerCode(List<Level2Trade> received, Trades trades) {
        Set<String> symbols = new HashSet<>();
        trades.sent().forEach(t -> symbols.add(t.code().symbol()));
        for (String symbol : symbols) {
            assertThat(received.stream().filter(t -> t.code().symbol().equals(symbol)).toList())
                    .as("trades of " + symbol).containsExactlyElementsOf(trades.sentFor(symbol));
        }
        assertThat(received).hasSameSizeAs(trades.sent());
    }

    private static Set<String> symbolsOf(List<Level2Trade> trades) {
        Set<String> symbols = new HashSet<>();
        trades.forEach(t -> symbols.add(t.code().symbol()));
        return symbols;
    }

    /** Codes whose keys fall on every one of {@code partitions} partitions (Kafka's default partitioner). */
    private static List<String> onePerPartition(int partitions, String... candidates) {
        Map<Integer, String> byPartition = new java.util.TreeMap<>();
        for (String symbol : candidates) {
            int partition = Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.US_ASCII))) % partitions;
            byPartition.putIfAbsent(partition, symbol);
        }
        assertThat(byPartition).as("candidates covering every partition").hasSize(partitions);
        return List.copyOf(byPartition.values());
    }

    private List<ConsumerRecord<String, String>> readRaw(String topic, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-raw-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // and whatever else is there
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }

    /** The fake server sends quotes by subscription: wait until it has read every client's. */
    private void awaitEveryConnectionSubscribed() throws InterruptedException {
        waitUntil(() -> {
            List<Integer> ids = server.openConnectionIds();
            return !ids.isEmpty() && ids.stream().allMatch(id -> !server.subscriptionOf(id).isEmpty());
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.US_ASCII);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
