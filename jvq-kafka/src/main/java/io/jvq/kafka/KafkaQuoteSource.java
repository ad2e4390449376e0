package io.jvq.kafka;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * reads every partition on its own and commits nothing.
 */
public final class KafkaQuoteSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaQuoteSource.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final QuoteTopics topics;
    private final Set<SubscriptionCode> codes;
    private final List<String> topicNames;
    private final StartPosition start;
    private final boolean commits;
    private final String bootstrapServers;
    private final ValueFormat defaultFormat;
    private final QuoteListener listener;
    private final QuoteSink downstream;
    private final Duration pollTimeout;
    private final Thread poller;

    private final QuoteParser parser = new QuoteParser();
    private final TradeDeduplicator deduplicator;
    private final Set<TopicPartition> positioned = new HashSet<>();
    private final DeliveredOffsets done = new DeliveredOffsets();
    private final FilteringSink filter = new FilteringSink();

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();

    private volatile boolean started;
    private volatile boolean closing;
    private boolean connected;
    /** The trading day of the record being decoded (poll thread). */
    private long recordDay;

    private KafkaQuoteSource(Builder builder) {
        this.topics = builder.topics;
        this.codes = Set.copyOf(builder.codes);
        this.start = builder.start;
        this.commits = builder.groupId != null;
        this.bootstrapServers = builder.bootstrapServers;
        this.defaultFormat = builder.defaultFormat;
        this.listener = builder.listener;
        this.pollTimeout = builder.pollTimeout;
        this.deduplicator = new TradeDeduplicator(builder.tradeWindow);
        this.downstream = builder.quoteSink != null ? builder.quoteSink : new EventSink(this::deliver);
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
        this.poller = new Thread(this::pollLoop, "jvq-kafka-source-" + THREADS.incrementAndGet());
        poller.setDaemon(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Object> consumerConfig(Builder builder) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, builder.bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "jvq-source");
        config.put(ConsumerConfig.GROUP_ID_CONFIG,
                builder.groupId != null ? builder.groupId : "jvq-source-" + UUID.randomUUID());
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
        return new SourceStats(records.get(), delivered.get(), duplicates.get(), decodeErrors.get(), unchecked.get());
    }

    private void pollLoop() {
        String stoppedBy = null;
        try {
            consumer.subscribe(topicNames, new Positioner());
            while (!closing) {
                int count = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
                    decode(record);
                    done.done(record);
                    count++;
                }
                if (commits && count > 0) {
                    consumer.commitAsync(done.all(), null);
                }
            }
        } catch (WakeupException closed) {
            // close() woke the poll
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
                deliverLast(new ConnectionEvent.Disconnected(-1, stoppedBy));
            }
            deliverLast(new ConnectionEvent.Closed());
        }
    }

    /** The source's last words: a listener that throws on them is logged, the thread ends anyway. */
    private void deliverLast(JvqEvent event) {
        try {
            deliver(event);
        } catch (Error error) {
            LOG.log(System.Logger.Level.ERROR, "listener threw on " + event, error);
        }
    }

    private void decode(ConsumerRecord<byte[], byte[]> record) {
        QuoteLevel level = topics.levelOf(record.topic());
        if (level == null || record.value() == null) {
            return;
        }
        if (!codes.isEmpty() && record.key() != null) {
            String symbol = new String(record.key(), StandardCharsets.US_ASCII);
            if (!SubscriptionCode.isValidSymbol(symbol) || !codes.contains(new SubscriptionCode(level, symbol))) {
                return;
            }
        }
        records.incrementAndGet();
        long receivedNanos = QuoteHeaders.number(record.headers(), QuoteHeaders.RECEIVED_NANOS, -1);
        recordDay = TradeDeduplicator.tradingDay(receivedNanos >= 0 ? receivedNanos : record.timestamp() * 1_000_000L);
        String formatName = QuoteHeaders.text(record.headers(), QuoteHeaders.FORMAT);
        byte[] line = record.value();
        try {
            ValueFormat format = formatName == null ? defaultFormat : ValueFormat.ofWireName(formatName);
            if (format == ValueFormat.JSON) {
                line = JsonToLine.translate(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException bad) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            filter.onError(new DecodeError(null, text.length() > DecodeError.MAX_EXCERPT
                    ? text.substring(0, DecodeError.MAX_EXCERPT) : text,
                    record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + bad.getMessage()));
            return;
        }
        parser.parse(line, 0, line.length, filter);
    }

    /** Delivers an event to the listener; a listener that throws hears of it through onListenerFailure. */
    private void deliver(JvqEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException error) {
            if (event instanceof ListenerFailure) {
                LOG.log(System.Logger.Level.WARNING, "listener failed on its own failure report", error);
            } else {
                deliver(new ListenerFailure(event, error));
            }
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
            deliver(new ConnectionEvent.Closed());
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

    /** Keeps the source's codes, skips trades already delivered, and shields the thread from the user's sink. */
    private final class FilteringSink implements QuoteSink {
        @Override
        public void onLevel1(Level1View quote) {
            if (wanted(quote.code())) {
                delivered.incrementAndGet();
                try {
                    downstream.onLevel1(quote);
                } catch (RuntimeException error) {
                    deliver(new ListenerFailure(quote.toEvent(), error));
                }
            }
        }

        @Override
        public void onTrade(TradeView trade) {
            if (!wanted(trade.code())) {
                return;
            }
            switch (deduplicator.check(trade.code(), trade.tradeId(), recordDay)) {
                case DUPLICATE -> {
                    duplicates.incrementAndGet();
                    return;
                }
                case UNCHECKED -> unchecked.incrementAndGet();
                case NEW -> {
                }
            }
            delivered.incrementAndGet();
            try {
                downstream.onTrade(trade);
            } catch (RuntimeException error) {
                deliver(new ListenerFailure(trade.toEvent(), error));
            }
        }

        @Override
        public void onLevel10(Level10View book) {
            if (wanted(book.code())) {
                delivered.incrementAndGet();
                try {
                    downstream.onLevel10(book);
                } catch (RuntimeException error) {
                    deliver(new ListenerFailure(book.toEvent(), error));
                }
            }
        }

        @Override
        public void onError(DecodeError error) {
            decodeErrors.incrementAndGet();
            try {
                downstream.onError(error);
            } catch (RuntimeException thrown) {
                deliver(new ListenerFailure(error, thrown));
            }
        }

        private boolean wanted(SubscriptionCode code) {
            return codes.isEmpty() || codes.contains(code);
        }
    }

    /**
     * Positions newly assigned partitions for {@link StartPosition#at}, and reports the first assignment.
     * A group's partitions with a committed offset resume from it, as with earliest and latest: a
     * restart or a rebalance must not replay from the start time again.
     */
    private final class Positioner implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (start instanceof StartPosition.At at && !partitions.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed = commits
                        ? consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(30)) : Map.of();
                Map<TopicPartition, Long> times = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    if (committed.get(partition) == null && positioned.add(partition)) {
                        times.put(partition, at.time().toEpochMilli());
                    }
                }
                if (!times.isEmpty()) {
                    List<TopicPartition> atEnd = new ArrayList<>();
                    for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(times).entrySet()) {
                        if (found.getValue() == null) {
                            atEnd.add(found.getKey());
                        } else {
                            consumer.seek(found.getKey(), found.getValue().offset());
                        }
                    }
                    if (!atEnd.isEmpty()) { // an empty list would mean every assigned partition
                        consumer.seekToEnd(atEnd);
                    }
                }
            }
            if (!connected && !partitions.isEmpty()) {
                connected = true;
                deliver(new ConnectionEvent.Connected("kafka " + bootstrapServers + " " + topicNames));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = done.of(partitions);
            if (commits && !offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets, Duration.ofSeconds(5));
                } catch (RuntimeException error) {
                    LOG.log(System.Logger.Level.WARNING, "Kafka source: commit on rebalance failed: {0}", error.toString());
                }
            }
            done.forget(partitions);
            // back to the group's commit (or the start time, without one) if it comes back
            positioned.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            done.forget(partitions); // another member owns them already: committing would be refused
            positioned.removeAll(partitions);
        }
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

        public KafkaQuoteSource build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalStateException("bootstrapServers is required (host:port of a Kafka broker)");
            }
            return new KafkaQuoteSource(this);
        }
    }
}
