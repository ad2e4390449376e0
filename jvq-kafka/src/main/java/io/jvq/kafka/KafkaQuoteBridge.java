package io.jvq.kafka;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.QuoteEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Publishes a running {@code JvqClient}'s quotes to Kafka: one topic per quote level
 * ({@link QuoteTopics}), the security code as the key, the receive time, connection and sequence
 * number as headers ({@link QuoteHeaders}), the value as the vendor's line or JSON ({@link ValueFormat}).
 * Give the client the bridge as its quote sink: the client tells it of each new connection
 * ({@link #onConnected}), which numbers the headers.
 *
 * <pre>{@code
 * KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers("kafka1:9092").build();
 * JvqClient client = JvqVertx.clientBuilder(options)
 *         .quoteSink(bridge)
 *         .build();
 * }</pre>
 *
 * The client's reader thread encodes each quote, from the flyweight views, straight into a slot of
 * a bounded buffer (allocating nothing, in the {@code line} format, once the buffer's slots have
 * been used once); the bridge's own
 * thread ({@code jvq-kafka-bridge-N}) hands it to an idempotent producer with {@code acks=all}, so
 * Kafka keeps each code's records in the order received, without duplicates from retries. When the
 * buffer is full the {@link Backpressure} policy decides: block the reader up to a bound, or drop
 * and count. A quote the producer refuses ({@code send} throws) is counted as failed and the sender
 * goes on; {@link #stats()} tells whether quotes are getting through.
 *
 * <p>{@link #close()} publishes what is buffered and waits for Kafka's acknowledgements. A bridge
 * also closes itself from a JVM shutdown hook (SIGTERM, Ctrl-C, {@code System.exit}, main
 * returning), removed when it is closed; an application that closes it in its own order turns that
 * off with {@link Builder#closeOnShutdown(boolean)}.
 */
public final class KafkaQuoteBridge implements QuoteSink, AutoCloseable {
    /**
     * The producer's {@code compression.type} unless set otherwise. Quote records repeat their field
     * names, codes and digits: zstd sends about a sixth of their bytes (lz4 about a quarter, in the
     * line format), and the codec was not what limited the bridge's rate (BENCHMARKS.md, "Compression").
     */
    public static final String DEFAULT_COMPRESSION = "zstd";
    /**
     * The producer's {@code compression.zstd.level} unless set otherwise: 1 rather than zstd's 3. On
     * the simulator's trades it took about a tenth less of the bridge's CPU per trade and sent no more
     * bytes (BENCHMARKS.md, "The Kafka path").
     */
    public static final int DEFAULT_ZSTD_LEVEL = 1;
    /** Kafka's {@code compression.type} values. */
    private static final Set<String> COMPRESSION_TYPES = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final QuoteTopics topics;
    private final ValueFormat format;
    private final Duration closeTimeout;
    private final QuoteRecords records;
    private final BridgeSender sender;
    private final Thread shutdownHook;
    private final CountDownLatch closed = new CountDownLatch(1);

    private final AtomicLong received = new AtomicLong();

    private static final System.Logger LOG = System.getLogger(KafkaQuoteBridge.class.getName());

    /** Where decode errors go: the {@link #listener} given, else the log. */
    private volatile QuoteListener errors;
    private volatile long connection;
    private volatile boolean closing;
    /** Reader thread: the connection and sequence number of the quote being encoded. */
    private long quoteConnection;
    private long quoteSequence;

    private KafkaQuoteBridge(Builder builder) {
        this.topics = builder.topics;
        this.format = builder.format;
        this.closeTimeout = builder.closeTimeout;
        this.records = new QuoteRecords(topics, format, builder.clock);
        Map<String, Object> config = producerConfig(builder);
        SecretScrubber scrubber = SecretScrubber.of(config);
        Producer<byte[], byte[]> producer = builder.producerFactory.apply(config);
        String name = "jvq-kafka-bridge-" + THREADS.incrementAndGet();
        this.sender = new BridgeSender(producer, records::record, builder.bufferRecords, builder.backpressure, scrubber, name);
        this.shutdownHook = builder.closeOnShutdown ? ShutdownHooks.add(new Thread(this::close, name + "-shutdown")) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, Object> producerConfig(Builder builder) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, builder.bootstrapServers);
        if (!builder.producerConfig.containsKey(ProducerConfig.CLIENT_ID_CONFIG)) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, ClientIds.next("jvq-bridge"));
        }
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // one code's records share a partition, and a request carries one batch per partition: Kafka's
        // 16 KiB default (about 90 quotes) caps a busy partition at a few batches per round trip
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
        config.put(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, DEFAULT_ZSTD_LEVEL);
        config.putAll(builder.producerConfig);
        return config;
    }

    /**
     * Optional: the listener to give the client when the bridge's decode errors should reach it. The
     * client hands decode errors to its quote sink, the bridge, which passes them to {@code next}
     * (without it, it logs them). Returns {@code next}: connections are numbered by the client's
     * {@link #onConnected} call, not by this listener.
     */
    public QuoteListener listener(QuoteListener next) {
        this.errors = Objects.requireNonNull(next, "next");
        return next;
    }

    /**
     * The client's connection number {@code connectionNumber} starts: the next quotes carry it in
     * the {@link QuoteHeaders#CONNECTION} header, and their sequence numbers start over. Called by the
     * client on its reader thread, before the connection's first quote.
     */
    @Override
    public void onConnected(long connectionNumber, String server) {
        connection = connectionNumber;
    }

    /**
     * A new jvQuant connection starts, for callers that {@linkplain #publish(QuoteEvent) publish events}
     * rather than giving the client the bridge as its quote sink: the next quotes carry the next
     * connection number, and their sequence numbers start over.
     */
    public synchronized void connectionOpened() {
        connection++;
    }

    @Override
    public void onLevel1(Level1View quote) {
        BridgeSender.Slot slot = claim();
        if (slot != null) {
            try {
                records.encode(slot, quote, quoteConnection, quoteSequence);
            } catch (RuntimeException notEncodable) {
                sender.drop();
                throw notEncodable;
            }
            sender.publish();
        }
    }

    @Override
    public void onTrade(TradeView trade) {
        BridgeSender.Slot slot = claim();
        if (slot != null) {
            records.encode(slot, trade, quoteConnection, quoteSequence);
            sender.publish();
        }
    }

    @Override
    public void onLevel10(Level10View book) {
        BridgeSender.Slot slot = claim();
        if (slot != null) {
            try {
                records.encode(slot, book, quoteConnection, quoteSequence);
            } catch (RuntimeException notEncodable) {
                sender.drop();
                throw notEncodable;
            }
            sender.publish();
        }
    }

    @Override
    public void onError(DecodeError error) {
        QuoteListener next = errors;
        if (next != null) {
            next.onEvent(error);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Kafka bridge: a record could not be decoded, not published: {0}", error);
        }
    }

    /**
     * Publishes one quote, for callers that hold events rather than views (a listener on the
     * client's reader thread): encoded and buffered for the sender, under the backpressure policy.
     * Call from one thread at a time.
     */
    public void publish(QuoteEvent quote) {
        BridgeSender.Slot slot = claim();
        if (slot != null) {
            try {
                records.encode(slot, quote, quoteConnection, quoteSequence);
            } catch (RuntimeException notEncodable) {
                sender.drop();
                throw notEncodable;
            }
            sender.publish();
        }
    }

    /**
     * Counts a quote received and numbers it; the buffer slot to encode it into, or null when it is
     * dropped (closed, stopped, or no room under the backpressure policy), counted.
     */
    private BridgeSender.Slot claim() {
        received.incrementAndGet();
        if (closing || sender.stopped()) {
            sender.drop();
            return null;
        }
        quoteConnection = connection;
        quoteSequence = records.nextSequence(quoteConnection);
        return sender.claim();
    }

    /** The bridge's counters, as of now. */
    public BridgeStats stats() {
        BridgeStats.State state = closing ? BridgeStats.State.CLOSED
                : sender.stopped() ? BridgeStats.State.STOPPED
                : sender.failing() ? BridgeStats.State.FAILING
                : BridgeStats.State.RUNNING;
        return new BridgeStats(received.get(), sender.published(), sender.dropped(), sender.failed(),
                sender.buffered(), sender.inFlight(), state, sender.lastError());
    }

    /** The topics the bridge publishes to. */
    public QuoteTopics topics() {
        return topics;
    }

    /** {@link #close(Duration)} with the builder's close timeout (30 s by default). */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /**
     * Publishes what is buffered, waits up to {@code timeout} for Kafka to acknowledge it, and closes
     * the producer; what is left then is counted as dropped. Quotes given to the bridge afterwards
     * are counted as dropped. Close the client first. Idempotent: a second caller (the shutdown hook,
     * another thread) waits, up to its own timeout, for the first to finish.
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        synchronized (closed) {
            if (closing) {
                awaitClosed(timeout);
                return;
            }
            closing = true;
        }
        try {
            sender.close(timeout);
        } finally {
            ShutdownHooks.remove(shutdownHook);
            closed.countDown();
        }
    }

    private void awaitClosed(Duration timeout) {
        try {
            closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hook that closes the bridge when the JVM ends, or null when built without one (tests look). */
    Thread shutdownHook() {
        return shutdownHook;
    }

    /** Like a crash: discards the buffer and closes the producer without waiting (tests kill a bridge this way). */
    void abort() {
        synchronized (closed) {
            closing = true;
        }
        sender.abort();
        ShutdownHooks.remove(shutdownHook);
        closed.countDown();
    }

    @Override
    public String toString() {
        return "KafkaQuoteBridge[" + topics.prefix() + "*, " + format.wireName() + ", " + stats() + "]";
    }

    public static final class Builder {
        private String bootstrapServers;
        private QuoteTopics topics = QuoteTopics.defaults();
        private ValueFormat format = ValueFormat.LINE;
        private Backpressure backpressure = Backpressure.block(Duration.ofSeconds(5));
        private int bufferRecords = 65_536;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private final Map<String, Object> producerConfig = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private boolean closeOnShutdown = true;
        private Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory =
                config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());

        private Builder() {
        }

        /** Kafka's {@code bootstrap.servers}: {@code host:port[,host:port…]}. Required. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            return this;
        }

        /** Topics are the prefix and the level's flag; {@code jvq.} by default ({@code jvq.lv2}, …). */
        public Builder topicPrefix(String prefix) {
            this.topics = new QuoteTopics(prefix);
            return this;
        }

        /** {@link ValueFormat#LINE} by default. */
        public Builder valueFormat(ValueFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** What to do when the buffer is full; {@code block(5 s)} by default. */
        public Builder backpressure(Backpressure backpressure) {
            this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
            return this;
        }

        /**
         * How many quotes the buffer toward Kafka holds at most; 65,536 by default. With the
         * producer's own buffer ({@link #producerBufferBytes}), this is what an outage of Kafka can
         * fill before the {@link Backpressure} policy drops quotes. Each place of the buffer is a
         * reusable slot of about half a KiB, made when first used and kept: a buffer that has once
         * been full (65,536 slots) holds about 32 MiB from then on.
         */
        public Builder bufferRecords(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("bufferRecords must be at least 1, got " + records);
            }
            this.bufferRecords = records;
            return this;
        }

        /**
         * The Kafka producer's buffer, its {@code buffer.memory}: 32 MiB by default (Kafka's), about
         * 236,000 level-2 trades in the {@code line} format (142 bytes a record with its headers) or
         * 78,000 level-1 snapshots (about 430 bytes).
         * When it is full, the sender waits (the producer's {@code max.block.ms}, 60 s) and the
         * bridge's own buffer fills behind it.
         */
        public Builder producerBufferBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("producerBufferBytes must be positive, got " + bytes);
            }
            return producerProperty(ProducerConfig.BUFFER_MEMORY_CONFIG, bytes);
        }

        /** How long {@link #close()} waits for Kafka to take what is buffered; 30 s by default. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Whether the bridge closes itself (publishing what it holds) when the JVM shuts down; true
         * by default. Turn it off when the application closes the bridge in its own shutdown, after
         * its client, as {@code jvq bridge} does.
         */
        public Builder closeOnShutdown(boolean close) {
            this.closeOnShutdown = close;
            return this;
        }

        /**
         * The producer's {@code compression.type}: {@code none}, {@code gzip}, {@code snappy}, {@code lz4}
         * or {@code zstd}; {@value #DEFAULT_COMPRESSION} by default, at level {@value #DEFAULT_ZSTD_LEVEL}
         * (the producer property {@code compression.zstd.level} sets another).
         *
         * @throws IllegalArgumentException naming the types Kafka knows when {@code type} is none of them
         */
        public Builder compression(String type) {
            if (!COMPRESSION_TYPES.contains(Objects.requireNonNull(type, "type"))) {
                throw new IllegalArgumentException("unknown compression '" + type + "': expected none, gzip, snappy, lz4 or zstd");
            }
            return producerProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, type);
        }

        /**
         * Sets a Kafka producer property ({@code ProducerConfig}), over the bridge's defaults
         * ({@code acks=all}, {@code enable.idempotence=true}, {@code linger.ms=5}, {@code batch.size=262144},
         * {@code compression.type=zstd}, {@code compression.zstd.level=1}), e.g. {@code buffer.memory}, security settings.
         */
        public Builder producerProperty(String name, Object value) {
            producerConfig.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Test hook: makes the producer from the bridge's configuration (tests inject faults into a real one). */
        Builder producerFactory(Function<Map<String, Object>, Producer<byte[], byte[]>> factory) {
            this.producerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Test hook: the clock of the receive-time header and the record timestamp. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds it.
         *
         * @throws IllegalStateException without {@link #bootstrapServers}, or when the kafka-clients on the
         *                               class path is older than 4.1 (naming the version found)
         */
        public KafkaQuoteBridge build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalStateException("bootstrapServers is required (host:port of a Kafka broker)");
            }
            KafkaClientsVersion.require();
            return new KafkaQuoteBridge(this);
        }
    }
}
