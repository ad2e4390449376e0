package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import org.jspecify.annotations.Nullable;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Dispatch#direct()}: the listener runs on the calling thread; nothing is queued for long.
 *
 * <p>Callbacks never overlap. The reader thread delivers quotes itself and waits for its turn if
 * another thread is in the listener. Any other thread (the session's, reporting a lost connection
 * while a slow {@code onTrade} runs; a user closing the client) never waits for the listener: it
 * leaves its event in {@code pending}, and whichever thread holds the listener delivers it as soon
 * as the callback it is in returns. A listener that calls back into the client (close() from
 * onTrade) hears of the result after the callback returns, not inside it.
 */
final class DirectDispatcher implements EventDispatcher {
    private final ListenerGuard listener;
    /** Held by the one thread in the listener. */
    private final ReentrantLock turn = new ReentrantLock();
    /** Events from threads that do not wait for the listener, in the order they came. */
    private final Queue<JvqEvent> pending = new ConcurrentLinkedQueue<>();
    /** Guarded by turn: Closed has been delivered, so nothing more is. */
    private boolean over;

    DirectDispatcher(ListenerGuard listener) {
        this.listener = listener;
    }

    @Override
    public void dispatch(JvqEvent event) {
        if (event instanceof ConnectionEvent) {
            hand(event);
            return;
        }
        // Quotes, decode errors and server text: on the reader thread, while the view is valid.
        if (turn.isHeldByCurrentThread()) {
            deliver(event);
            return;
        }
        turn.lock();
        try {
            deliverPending();
            deliver(event);
            deliverPending();
        } finally {
            turn.unlock();
        }
        drainIfLeft();
    }

    @Override
    public void frameEnd() {
        if (turn.isHeldByCurrentThread()) {
            if (!over) {
                listener.frameEnd();
            }
            return;
        }
        turn.lock();
        try {
            deliverPending();
            if (!over) {
                listener.frameEnd();
            }
            deliverPending();
        } finally {
            turn.unlock();
        }
        drainIfLeft();
    }

    @Override
    public void close(ConnectionEvent.Closed closed) {
        hand(closed);
    }

    @Override
    public @Nullable Thread thread() {
        return null;
    }

    /** Queues a connection event and delivers it now, unless a callback is running (its thread will). */
    private void hand(JvqEvent event) {
        pending.add(event);
        if (!turn.isHeldByCurrentThread()) {
            drainIfLeft();
        }
    }

    /**
     * Delivers what is pending if no other thread is in the listener. Checked again after letting
     * go: an event added while this thread held the turn must not wait for the next quote.
     */
    private void drainIfLeft() {
        while (!pending.isEmpty() && turn.tryLock()) {
            try {
                deliverPending();
            } finally {
                turn.unlock();
            }
        }
    }

    /** With the turn held. */
    private void deliverPending() {
        JvqEvent event;
        while ((event = pending.poll()) != null) {
            deliver(event);
        }
    }

    /** With the turn held: {@code Closed} is the last event the listener sees. */
    private void deliver(JvqEvent event) {
        if (over) {
            return;
        }
        over = event instanceof ConnectionEvent.Closed;
        listener.deliver(event);
    }
}
