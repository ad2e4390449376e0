package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketListener;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Guards one connection's {@link SocketListener}: calls never overlap (Grizzly's threads
 * and this adapter's control thread both report), exactly one terminal callback is made, and
 * nothing is reported after it. A listener that throws is logged, never allowed into Tyrus
 * (which would treat it as a connection error).
 */
final class SerialListener {
    private final SocketListener listener;
    private final String connectionName;
    private final Runnable whenFinished;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean finished;
    private boolean muted;

    SerialListener(SocketListener listener, String connectionName, Runnable whenFinished) {
        this.listener = listener;
        this.connectionName = connectionName;
        this.whenFinished = whenFinished;
    }

    void text(String text) {
        lock.lock();
        try {
            if (!finished && !muted) {
                listener.onText(text);
            }
        } catch (RuntimeException e) {
            listenerFailed("onText", e);
        } finally {
            lock.unlock();
        }
    }

    void binary(ByteBuffer message) {
        lock.lock();
        try {
            if (!finished && !muted) {
                listener.onBinary(message);
            }
        } catch (RuntimeException e) {
            listenerFailed("onBinary", e);
        } finally {
            lock.unlock();
        }
    }

    void pong() {
        lock.lock();
        try {
            if (!finished && !muted) {
                listener.onPong();
            }
        } catch (RuntimeException e) {
            listenerFailed("onPong", e);
        } finally {
            lock.unlock();
        }
    }

    /** Reports the close, unless a terminal callback was already made. */
    void closed(int code, String reason) {
        lock.lock();
        try {
            if (finish()) {
                listener.onClose(code, reason);
            }
        } catch (RuntimeException e) {
            listenerFailed("onClose", e);
        } finally {
            lock.unlock();
        }
    }

    /** Reports the failure, unless a terminal callback was already made. */
    void failed(Throwable error) {
        lock.lock();
        try {
            if (finish()) {
                listener.onError(error);
            }
        } catch (RuntimeException e) {
            listenerFailed("onError", e);
        } finally {
            lock.unlock();
        }
    }

    /** From now on nothing is reported: for a connection whose connect future already failed. */
    void mute() {
        lock.lock();
        try {
            muted = true;
            if (!finished) {
                finished = true;
                whenFinished.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once a terminal callback was made (or the connection was muted); reads without waiting. */
    boolean finished() {
        return finished;
    }

    private boolean finish() {
        if (finished || muted) {
            return false;
        }
        finished = true;
        whenFinished.run();
        return true;
    }

    private void listenerFailed(String callback, RuntimeException e) {
        Log.LOG.warn("socket listener {}.{} threw; the connection carries on", connectionName, callback, e);
    }
}
