package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DispatchEvent;
import io.jvq.core.event.JvqEvent;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Dispatch#bounded}: a ring of at most {@code capacity} feed events and a small queue of
 * control events (connection and dispatch events, never dropped), drained in the order the events
 * happened by one daemon thread that calls the listener.
 *
 * <p>Every event gets a sequence number when it arrives; the dispatch thread always takes the
 * lowest one at the head of either queue, so dropping feed events never reorders what is left.
 * A {@link DispatchEvent.DroppingStarted} takes the sequence number of the first event dropped,
 * so it arrives exactly where the gap is. The end of a frame is queued as a control entry with
 * no event, so the listener hears of it after the frame's events (or where they would have been).
 */
final class BoundedDispatcher implements EventDispatcher {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());

    /** A control entry: an event, or the end of a frame when {@code event} is null. */
    private record Sequenced(long sequence, @Nullable JvqEvent event) {
    }

    private final ListenerGuard listener;
    private final StatsCounters stats;
    private final int capacity;
    private final OverflowPolicy overflow;
    private final String threadName;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    // Guarded by lock.
    private final JvqEvent[] ring;
    private final long[] ringSequence;
    private int head;
    private int size;
    private final PriorityQueue<Sequenced> control =
            new PriorityQueue<>(Comparator.comparingLong(Sequenced::sequence));
    private long nextSequence;
    private boolean dropping;
    private long droppedInEpisode;
    private boolean closing;
    /** The sequence of the last frame end queued, to queue no second one with nothing in between. */
    private long lastFrameEnd = -1;
    private volatile @Nullable Thread thread;

    BoundedDispatcher(Dispatch.Bounded dispatch, ListenerGuard listener, StatsCounters stats, String threadName) {
        this.listener = listener;
        this.stats = stats;
        this.capacity = dispatch.capacity();
        this.overflow = dispatch.overflow();
        this.threadName = threadName;
        this.ring = new JvqEvent[capacity];
        this.ringSequence = new long[capacity];
    }

    @Override
    public void dispatch(JvqEvent event) {
        if (event instanceof ConnectionEvent || event instanceof DispatchEvent) {
            enqueueControl(event);
        } else {
            enqueueFeed(event);
        }
    }

    @Override
    public void close(ConnectionEvent.Closed closed) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            // Queued feed events go unseen once the user has closed; connection events already
            // queued still come, then Closed.
            for (int i = 0; i < size; i++) {
                ring[(head + i) % capacity] = null;
            }
            size = 0;
            control.add(new Sequenced(nextSequence++, closed));
            closing = true;
            startThreadIfNeeded();
            notEmpty.signal();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void frameEnd() {
        lock.lock();
        try {
            if (closing || lastFrameEnd == nextSequence - 1) {
                return;
            }
            lastFrameEnd = nextSequence;
            control.add(new Sequenced(nextSequence++, null));
            startThreadIfNeeded();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public @Nullable Thread thread() {
        return thread;
    }

    @Override
    public int queuedEvents() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private void enqueueControl(JvqEvent event) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            control.add(new Sequenced(nextSequence++, event));
            startThreadIfNeeded();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private void enqueueFeed(JvqEvent event) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            if (size == capacity && !makeRoom()) {
                return;
            }
            int tail = (head + size) % capacity;
            ring[tail] = event;
            ringSequence[tail] = nextSequence++;
            size++;
            stats.peakQueuedEvents.accumulate(size);
            startThreadIfNeeded();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock, the ring full: true when the arriving event may now be queued. */
    private boolean makeRoom() {
        switch (overflow) {
            case DROP_OLDEST:
                long oldest = ringSequence[head];
                ring[head] = null;
                head = (head + 1) % capacity;
                size--;
                dropped(oldest);
                return true;
            case DROP_NEWEST:
                dropped(nextSequence++);
                return false;
            default:
                return awaitRoom();
        }
    }

    /** BLOCK: waits for the listener to take an event; false (and the event dropped) if it cannot. */
    private boolean awaitRoom() {
        if (Thread.currentThread() == thread) {
            // The listener itself would wait for itself: never block, count the loss instead.
            dropped(nextSequence++);
            return false;
        }
        try {
            while (size == capacity && !closing) {
                notFull.await();
            }
        } catch (InterruptedException e) {
            // The reader is being shut down: keep its interrupt, lose this event visibly.
            Thread.currentThread().interrupt();
            dropped(nextSequence++);
            return false;
        }
        return !closing;
    }

    /** Under the lock: counts a drop; the first of an episode queues DroppingStarted in the gap's place. */
    private void dropped(long sequence) {
        stats.droppedEvents.increment();
        droppedInEpisode++;
        if (!dropping) {
            dropping = true;
            control.add(new Sequenced(sequence, new DispatchEvent.DroppingStarted(capacity)));
            startThreadIfNeeded();
            notEmpty.signal();
            LOG.log(System.Logger.Level.WARNING, () -> "jvq: the quote listener is slower than the feed; "
                    + "the dispatch queue (" + capacity + " events) is full, dropping "
                    + (overflow == OverflowPolicy.DROP_OLDEST ? "the oldest" : "arriving") + " events");
        }
    }

    /** Under the lock. */
    private void startThreadIfNeeded() {
        if (thread == null) {
            Thread t = new Thread(this::drain, threadName);
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /** The dispatch thread: delivers events (and frame ends, null) in sequence order until it has delivered Closed. */
    private void drain() {
        while (true) {
            JvqEvent next = take();
            if (next == null) {
                listener.frameEnd();
            } else {
                deliver(next);
                if (next instanceof ConnectionEvent.Closed) {
                    return;
                }
            }
            JvqEvent caughtUp = caughtUp();
            if (caughtUp != null) {
                deliver(caughtUp);
            }
        }
    }

    private @Nullable JvqEvent take() {
        lock.lock();
        try {
            while (size == 0 && control.isEmpty()) {
                notEmpty.awaitUninterruptibly();
            }
            Sequenced first = control.peek();
            if (size > 0 && (first == null || ringSequence[head] < first.sequence())) {
                JvqEvent event = ring[head];
                ring[head] = null;
                head = (head + 1) % capacity;
                size--;
                notFull.signal();
                return event;
            }
            return control.poll().event();
        } finally {
            lock.unlock();
        }
    }

    /** DroppingStopped when an episode of drops is over because everything queued has been delivered. */
    private @Nullable JvqEvent caughtUp() {
        lock.lock();
        try {
            if (!dropping || size > 0 || !control.isEmpty() || closing) {
                return null;
            }
            long dropped = droppedInEpisode;
            dropping = false;
            droppedInEpisode = 0;
            LOG.log(System.Logger.Level.INFO, () -> "jvq: the quote listener caught up; " + dropped
                    + " events were dropped");
            return new DispatchEvent.DroppingStopped(dropped);
        } finally {
            lock.unlock();
        }
    }

    private void deliver(JvqEvent event) {
        try {
            listener.deliver(event);
        } catch (Throwable error) {
            // A VirtualMachineError out of the listener (the guard reports everything else) must
            // not end this thread: with BLOCK the reader would then wait forever.
            stats.listenerFailures.increment();
            LOG.log(System.Logger.Level.ERROR, "jvq: the quote listener threw "
                    + error.getClass().getName() + " on " + event.getClass().getSimpleName()
                    + "; the dispatch thread carries on", error);
        }
    }
}
