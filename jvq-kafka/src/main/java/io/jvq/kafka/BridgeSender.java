package io.jvq.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bridge's way to Kafka: the bounded buffer the reader thread fills under the
 * {@link Backpressure} policy, and the thread ({@code jvq-kafka-bridge-N}) that hands its records
 * to the producer. Counts what was dropped, what Kafka acknowledged or refused, and what it still holds.
 */
final class BridgeSender {
    // the bridge's logger, so that one logging setting covers the bridge and its sender
    private static final System.Logger LOG = System.getLogger(KafkaQuoteBridge.class.getName());

    private final Producer<byte[], byte[]> producer;
    private final BlockingQueue<ProducerRecord<byte[], byte[]>> buffer;
    private final Backpressure backpressure;
    private final SecretScrubber scrubber;
    private final Thread thread;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();

    /** Set by close: the thread ends once the buffer is empty. */
    private volatile boolean draining;
    /** Set by abort: the thread ends now, and refusals are no longer logged. */
    private volatile boolean aborted;
    /** A record failed since the last acknowledgement. */
    private volatile boolean failing;
    /** The thread died of an Error: nothing sends any more. */
    private volatile boolean stopped;
    private volatile String lastError;

    /** The buffer was full at the last quote (reader thread only): warn once per spell of drops. */
    private boolean dropping;

    BridgeSender(Producer<byte[], byte[]> producer, int capacity, Backpressure backpressure, SecretScrubber scrubber,
            String threadName) {
        this.producer = producer;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.backpressure = backpressure;
        this.scrubber = scrubber;
        // a daemon, so that a bridge never keeps a JVM alive; the shutdown hook publishes what it holds
        this.thread = new Thread(this::sendLoop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Buffers a record for the thread, waiting for room as the policy allows; counts it dropped if there is none. */
    void put(ProducerRecord<byte[], byte[]> record) {
        if (offer(record)) {
            if (dropping) {
                dropping = false;
                LOG.log(System.Logger.Level.WARNING, "Kafka bridge: buffer has room again; {0} quotes dropped so far",
                        dropped.get());
            }
        } else {
            dropped.incrementAndGet();
            if (!dropping) {
                dropping = true;
                LOG.log(System.Logger.Level.WARNING, "Kafka bridge: buffer of {0} quotes full (Kafka slow or down):"
                        + " dropping quotes under {1}", buffer.remainingCapacity() + buffer.size(), backpressure);
            }
        }
    }

    /** Counts a quote the bridge did not take (closed, or the sender stopped). */
    void drop() {
        dropped.incrementAndGet();
    }

    private boolean offer(ProducerRecord<byte[], byte[]> record) {
        if (backpressure instanceof Backpressure.Block block) {
            try {
                return buffer.offer(record, block.maxWait().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return buffer.offer(record);
    }

    private void sendLoop() {
        try {
            while (!aborted) {
                ProducerRecord<byte[], byte[]> record = buffer.poll(50, TimeUnit.MILLISECONDS);
                if (record == null) {
                    if (draining) {
                        return;
                    }
                    continue;
                }
                send(record);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Error error) {
            // nothing left to send with: say so in stats() and stop making the reader wait for room
            stopped = true;
            lastError = scrubber.describe(error);
            LOG.log(System.Logger.Level.ERROR, "Kafka bridge: the sender stopped: {0}", lastError);
            throw error;
        }
    }

    /**
     * Hands one record to the producer. A refusal ({@code send} throwing: the producer closed, in a
     * fatal state, or misconfigured) costs that record, counted as failed, not the sender: the next
     * record is tried, so a producer that recovers is used again and one that does not drains the
     * buffer as failures instead of holding the reader under the backpressure policy.
     */
    private void send(ProducerRecord<byte[], byte[]> record) {
        inFlight.incrementAndGet();
        try {
            producer.send(record, (metadata, error) -> {
                inFlight.decrementAndGet();
                if (error == null) {
                    published.incrementAndGet();
                    failing = false;
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException refused) {
            inFlight.decrementAndGet();
            failed(refused);
        }
    }

    private void failed(Throwable error) {
        failing = true;
        lastError = scrubber.describe(error);
        if (failed.incrementAndGet() % 1000 == 1 && !aborted) {
            LOG.log(System.Logger.Level.WARNING, "Kafka bridge: a quote was not published ({0} so far): {1}",
                    failed.get(), lastError);
        }
    }

    /**
     * Lets the thread empty the buffer, waits up to {@code timeout} for it and for Kafka's
     * acknowledgements, and closes the producer; what is still buffered then is counted as dropped.
     */
    void close(Duration timeout) {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        int unsent = buffer.size();
        if (unsent > 0) {
            buffer.clear();
            dropped.addAndGet(unsent);
            LOG.log(System.Logger.Level.WARNING, "Kafka bridge closed with {0} quotes not handed to Kafka"
                    + " within {1} (counted as dropped)", unsent, timeout);
        }
    }

    /** Like a crash: discards the buffer and closes the producer without waiting. */
    void abort() {
        aborted = true;
        draining = true;
        buffer.clear();
        producer.close(Duration.ZERO);
        thread.interrupt();
    }

    boolean stopped() {
        return stopped;
    }

    boolean failing() {
        return failing;
    }

    String lastError() {
        return lastError;
    }

    long published() {
        return published.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    long inFlight() {
        return inFlight.get();
    }

    int buffered() {
        return buffer.size();
    }

}
