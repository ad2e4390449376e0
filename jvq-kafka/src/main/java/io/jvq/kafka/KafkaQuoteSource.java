package io.jvq.kafka;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.event.ConnectionEvent;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the quotes a {@link KafkaQuoteBridge} published and drives the same {@link QuoteListener}
 * or {@link QuoteSink} as a {@code JvqClient}: a strategy moves from a direct connection to Kafka
 * by changing its builder, not its code.
 *
 * <pre>{@code
 * KafkaQuoteSource source = KafkaQuoteSource.builder()
 *         .bootstrapServers("kafka1:9092")
 *         .codes(SubscriptionCode.parseAll("lv2_600519", "lv1_000001"))
 *         .startAt(StartPosition.earliest())
 *         .groupId("strategy-a")
 *         .listener(listener)
 *         .build();
 * source.start();
 * }</pre>
 *
 * Values of both formats go through jvq-core's parser ({@code json} ones translated back to the
 * vendor's text first), so listeners get the same events and sinks the same views. Level-2 trades
 * are de-duplicated per code by trade id ({@link Builder#tradeWindow}). Callbacks run one at a time
 * on the source's thread ({@code jvq-kafka-source-N}), in the order of each code's records; a
 * callback that throws an exception comes back as {@code onListenerFailure}. One that throws an
 * {@code Error} stops the source: the listener hears {@code Disconnected} (the error's class and
 * message as the reason), then {@code Closed}. The listener hears {@code Connected} once the first
 * partitions are assigned and {@code Closed} last.
 *
 * <h2>Groups</h2>
 * With {@link Builder#groupId} the sources of one group share the partitions, and so the codes,
 * between them (create the topics with as many partitions as consumers you want), and the group
 * commits, after each batch, the offsets of the records delivered: never past a record whose
 * callback threw an {@code Error}, so the next member starts with it. Without one, the source
 * assigns itself every partition of its topics ({@code assign()}, no group on the broker, nothing
 * committed, nothing left behind when it closes).
 */
public final class KafkaQuoteSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaQuoteSource.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<SubscriptionCode> codes;
    private final List<String> topicNames;
    /** With a group of its own, the source commits what it delivered. */
    private final boolean commits;
    private final Duration pollTimeout;
    private final Thread poller;

    private final QuoteDelivery delivery;
    private final RecordDecoder decoder;
    private final DeliveredOffsets done = new DeliveredOffsets();
    private final Rebalancing rebalancing;
    /** Without a group: the partitions the source assigns itself; null in a group. */
    private final PartitionAssignment assignment;

    private volatile boolean started;
    private volatile boolean closing;

    private KafkaQuoteSource(Builder builder) {
        QuoteTopics topics = builder.topics;
        this.codes = Set.copyOf(builder.codes);
        this.commits = builder.groupId != null || builder.consumerConfig.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
        this.pollTimeout = builder.pollTimeout;
        this.delivery = new QuoteDelivery(codes, builder.tradeWindow, builder.listener, builder.quoteSink);
        this.decoder = new RecordDecoder(topics, codes, builder.defaultFormat, delivery);
        Set<String> names = new TreeSet<>();
        for (SubscriptionCode code : codes) {
            names.add(topics.topic(code.level()));
        }
        if (codes.isEmpty()) {
            for (QuoteLevel level : QuoteLevel.values()) {
                names.add(topics.topic(level));
            }
        }
        this.topicNames = List.copyOf(names);
        this.consumer = new KafkaConsumer<>(consumerConfig(builder), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        String connected = "kafka " + builder.bootstrapServers + " " + topicNames;
        this.rebalancing = new Rebalancing(consumer, builder.start, commits, done,
                () -> delivery.deliver(new ConnectionEvent.Connected(connected)));
        this.assignment = commits ? null : new PartitionAssignment(consumer, topicNames, builder.start, rebalancing);
        this.poller = new Thread(this::pollLoop, "jvq-kafka-source-" + THREADS.incrementAndGet());
        poller.setDaemon(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Object> consumerConfig(Builder builder) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, builder.bootstrapServers);
        if (!builder.consumerConfig.containsKey(ConsumerConfig.CLIENT_ID_CONFIG)) {
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, ClientIds.next("jvq-source"));
        }
        if (builder.groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, builder.groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                builder.start instanceof StartPosition.Earliest ? "earliest" : "latest");
        config.putAll(builder.consumerConfig);
        return config;
    }

    /** Subscribes and starts the source's thread. Idempotent; fails after close. */
    public synchronized void start() {
        if (closing) {
            throw new IllegalStateException("the source is closed");
        }
        if (!started) {
            started = true;
            poller.start();
        }
    }

    /** The codes this source delivers (empty: every code on its topics). */
    public Set<SubscriptionCode> codes() {
        return codes;
    }

    /** The source's counters, as of now. */
    public SourceStats stats() {
        return new SourceStats(decoder.records(), delivery.delivered(), delivery.duplicates(), delivery.decodeErrors(),
                delivery.unchecked());
    }

    private void pollLoop() {
        String stoppedBy = null;
        try {
            if (assignment == null) {
                consumer.subscribe(topicNames, rebalancing);
            }
            while (!closing) {
                if (assignment != null) {
                    assignment.refresh();
                    if (!assignment.any()) {
                        Thread.sleep(pollTimeout.toMillis()); // nothing to poll until a topic exists
                        continue;
                    }
                }
                int count = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
                    decoder.decode(record);
                    done.done(record);
                    count++;
                }
                if (commits && count > 0) {
                    consumer.commitAsync(done.all(), null);
                }
            }
        } catch (WakeupException closed) {
            // close() woke the poll
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException error) {
            LOG.log(System.Logger.Level.ERROR, "Kafka source stopped", error);
            stoppedBy = "Kafka consumer failed: " + error;
        } catch (Error error) {
            // a callback's Error (the only Errors a delivery lets through): the record it was
            // delivering is not done, so neither it nor the rest of the batch is committed
            LOG.log(System.Logger.Level.ERROR, "Kafka source stopped: a callback threw", error);
            stoppedBy = "a callback threw " + error;
        } finally {
            closing = true;
            try {
                if (commits && !done.isEmpty()) {
                    consumer.commitSync(done.all(), Duration.ofSeconds(5));
                }
            } catch (RuntimeException ignored) {
                // the next member resumes from the last commit, which is never past a delivered record
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            if (stoppedBy != null) {
                delivery.deliverLast(new ConnectionEvent.Disconnected(-1, stoppedBy));
            }
            delivery.deliverLast(new ConnectionEvent.Closed());
        }
    }

    /**
     * Stops reading, commits the group's position, closes the consumer and delivers {@code Closed}.
     * Idempotent; callable from any thread (from a callback, the source stops after it returns).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        if (!started) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            delivery.deliver(new ConnectionEvent.Closed());
            return;
        }
        consumer.wakeup();
        if (Thread.currentThread() != poller) {
            try {
                poller.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaQuoteSource[" + topicNames + ", " + codes.size() + " codes, " + stats() + "]";
    }

    public static final class Builder {
        private String bootstrapServers;
        private QuoteTopics topics = QuoteTopics.defaults();
        private final Set<SubscriptionCode> codes = new LinkedHashSet<>();
        private String groupId;
        private StartPosition start = StartPosition.latest();
        private ValueFormat defaultFormat = ValueFormat.LINE;
        private QuoteListener listener = new QuoteListener() {
        };
        private QuoteSink quoteSink;
        private Duration pollTimeout = Duration.ofMillis(100);
        private int tradeWindow = 4096;
        private final Map<String, Object> consumerConfig = new HashMap<>();

        private Builder() {
        }

        /** Kafka's {@code bootstrap.servers}: {@code host:port[,host:port…]}. Required. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            return this;
        }

        /** The bridge's topic prefix; {@code jvq.} by default. */
        public Builder topicPrefix(String prefix) {
            this.topics = new QuoteTopics(prefix);
            return this;
        }

        /** The codes to deliver; the source reads only their levels' topics. None: every code of every level. */
        public Builder codes(Collection<SubscriptionCode> codes) {
            for (SubscriptionCode code : codes) {
                this.codes.add(Objects.requireNonNull(code, "code"));
            }
            return this;
        }

        /** A consumer group: its members share the partitions, and it remembers its position. */
        public Builder groupId(String groupId) {
            this.groupId = Objects.requireNonNull(groupId, "groupId");
            return this;
        }

        /** {@link StartPosition#latest()} by default. */
        public Builder startAt(StartPosition start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** The format of values without a {@code jvq-format} header (a bridge always writes one); line by default. */
        public Builder defaultValueFormat(ValueFormat format) {
            this.defaultFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        public Builder listener(QuoteListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The zero-allocation path, as on {@code JvqClient.Builder}: quotes and decode errors go to
         * {@code sink} as reusable views, valid only during the call; the listener still hears
         * connection events and listener failures.
         */
        public Builder quoteSink(QuoteSink sink) {
            this.quoteSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** How long one poll waits for records; 100 ms by default. */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How many level-2 trade ids the source remembers per code and trading day to skip duplicates,
         * rounded up to a power of two; 4,096 by default. Memory: 8 bytes per id, allocated as a code's
         * trades arrive (at most 32 KiB per code by default). A trade whose id is below those remembered
         * (a bridge lagging that many trades of one code behind another) is delivered unchecked and
         * counted ({@link SourceStats#unchecked()}): it may be a duplicate, but good data is never dropped.
         */
        public Builder tradeWindow(int ids) {
            if (ids < 1 || ids > 1 << 24) {
                throw new IllegalArgumentException("tradeWindow must be between 1 and 16,777,216 ids, got " + ids);
            }
            this.tradeWindow = ids;
            return this;
        }

        /** Sets a Kafka consumer property ({@code ConsumerConfig}) over the source's defaults. */
        public Builder consumerProperty(String name, Object value) {
            consumerConfig.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds it.
         *
         * @throws IllegalStateException without {@link #bootstrapServers}, or when the kafka-clients on the
         *                               class path is older than 4.1 (naming the version found)
         */
        public KafkaQuoteSource build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalStateException("bootstrapServers is required (host:port of a Kafka broker)");
            }
            KafkaClientsVersion.require();
            return new KafkaQuoteSource(this);
        }
    }
}
