package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.json.Utf8Buffer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The bridge's way to Kafka: the bounded buffer the reader thread fills under the
 * {@link Backpressure} policy, and the thread ({@code jvq-kafka-bridge-N}) that hands its records
 * to the producer. Counts what was dropped, what Kafka acknowledged or refused, and what it still holds.
 *
 * <p>The buffer is a ring of reusable {@link Slot}s with one writer (the reader thread, which
 * encodes a quote's value straight into a slot) and one reader (the sender thread, which makes the
 * Kafka record from it): once each slot has been used, putting a quote allocates nothing on the
 * reader thread. The Kafka record itself ({@code ProducerRecord}, its value array and headers) is
 * made on the sender thread, as Kafka's API asks.
 */
final class BridgeSender {
    // the bridge's logger, so that one logging setting covers the bridge and its sender
    private static final System.Logger LOG = System.getLogger(KafkaQuoteBridge.class.getName());
    /** How long the reader waits between looks for room, under {@link Backpressure.Block}. */
    private static final long ROOM_POLL_NANOS = 100_000;
    /** How long the sender sleeps when the ring is empty and nobody wakes it. */
    private static final long IDLE_PARK_NANOS = 50_000_000;

    /** One buffered quote: its value, encoded in place, and what its record needs besides. */
    static final class Slot {
        final Utf8Buffer value = new Utf8Buffer(512);
        SubscriptionCode code;
        long receivedNanos;
        long connection;
        long sequence;
    }

    private final Producer<byte[], byte[]> producer;
    private final Function<Slot, ProducerRecord<byte[], byte[]>> records;
    private final Slot[] slots;
    /** The next slot the reader thread fills (written by it only). */
    private final AtomicLong head = new AtomicLong();
    /** The next slot the sender sends (written by the sender only, or once it has stopped). */
    private final AtomicLong tail = new AtomicLong();
    private final Backpressure backpressure;
    private final long maxWaitNanos;
    private final SecretScrubber scrubber;
    private final Thread thread;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    /** Counts Kafka's answer to each record; one instance for all of them (a lambda per send would be garbage). */
    private final Callback acknowledged = (metadata, error) -> {
        inFlight.decrementAndGet();
        if (error == null) {
            published.incrementAndGet();
            failing = false;
        } else {
            failed(error);
        }
    };

    /** Set by close: the thread ends once the buffer is empty. */
    private volatile boolean draining;
    /** Set by abort: the thread ends now, and refusals are no longer logged. */
    private volatile boolean aborted;
    /** A record failed since the last acknowledgement. */
    private volatile boolean failing;
    /** The thread died of an Error: nothing sends any more. */
    private volatile boolean stopped;
    private volatile String lastError;
    /** The sender found the ring empty and is parked: the reader wakes it when it adds a quote. */
    private volatile boolean senderIdle;

    /** The buffer was full at the last quote (reader thread only): warn once per spell of drops. */
    private boolean dropping;

    /** @param records makes a slot's Kafka record, on the sender thread */
    BridgeSender(Producer<byte[], byte[]> producer, Function<Slot, ProducerRecord<byte[], byte[]>> records,
            int capacity, Backpressure backpressure, SecretScrubber scrubber, String threadName) {
        this.producer = producer;
        this.records = records;
        this.slots = new Slot[capacity];
        this.backpressure = backpressure;
        this.maxWaitNanos = backpressure instanceof Backpressure.Block block ? block.maxWait().toNanos() : 0;
        this.scrubber = scrubber;
        // a daemon, so that a bridge never keeps a JVM alive; the shutdown hook publishes what it holds
        this.thread = new Thread(this::sendLoop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Reader thread: the slot to encode the next quote into, waiting for room as the policy allows;
     * null, counted dropped, if there is none. Give it back with {@link #publish}.
     */
    Slot claim() {
        if (room()) {
            if (dropping) {
                dropping = false;
                LOG.log(System.Logger.Level.WARNING, "Kafka bridge: buffer has room again; {0} quotes dropped so far",
                        dropped.get());
            }
            int index = (int) (head.get() % slots.length);
            Slot slot = slots[index];
            if (slot == null) {
                slot = new Slot();   // once per slot: the ring is made as it is first used
                slots[index] = slot;
            }
            slot.value.clear();
            return slot;
        }
        dropped.incrementAndGet();
        if (!dropping) {
            dropping = true;
            LOG.log(System.Logger.Level.WARNING, "Kafka bridge: buffer of {0} quotes full (Kafka slow or down):"
                    + " dropping quotes under {1}", slots.length, backpressure);
        }
        return null;
    }

    /** Reader thread: the slot {@link #claim} gave is filled; the sender may take it. */
    void publish() {
        head.set(head.get() + 1);
        if (senderIdle) {
            LockSupport.unpark(thread);
        }
    }

    /** Counts a quote the bridge did not take (closed, the sender stopped, or not encodable). */
    void drop() {
        dropped.incrementAndGet();
    }

    private boolean room() {
        if (head.get() - tail.get() < slots.length) {
            return true;
        }
        if (maxWaitNanos <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        while (head.get() - tail.get() >= slots.length) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || stopped || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, ROOM_POLL_NANOS));
        }
        return true;
    }

    private void sendLoop() {
        try {
            while (!aborted) {
                long next = tail.get();
                if (next == head.get()) {
                    if (draining) {
                        return;
                    }
                    senderIdle = true;
                    if (next == head.get() && !draining && !aborted) {
                        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    }
                    senderIdle = false;
                    continue;
                }
                ProducerRecord<byte[], byte[]> record;
                try {
                    record = records.apply(slots[(int) (next % slots.length)]);
                } catch (RuntimeException unmade) {
                    record = null;
                    failed(unmade);
                }
                // the slot is the reader's again; a failed exchange means close or abort discarded it meanwhile
                if (tail.compareAndSet(next, next + 1) && record != null) {
                    send(record);
                }
            }
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
            producer.send(record, acknowledged);
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
        LockSupport.unpark(thread);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        long unsent = discard();
        if (unsent > 0) {
            dropped.addAndGet(unsent);
            LOG.log(System.Logger.Level.WARNING, "Kafka bridge closed with {0} quotes not handed to Kafka"
                    + " within {1} (counted as dropped)", unsent, timeout);
        }
    }

    /** Like a crash: discards the buffer and closes the producer without waiting. */
    void abort() {
        aborted = true;
        draining = true;
        discard();
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
        return (int) Math.max(0, head.get() - tail.get());
    }

    /** Empties the ring once the sender has stopped taking from it (or is about to): how many quotes it held. */
    private long discard() {
        long end = head.get();
        long from;
        do {
            from = tail.get();
        } while (!tail.compareAndSet(from, Math.max(from, end)));
        return Math.max(0, end - from);
    }

}
