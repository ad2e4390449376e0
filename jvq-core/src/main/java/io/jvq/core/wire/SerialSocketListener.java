package io.jvq.core.wire;

import io.jvq.core.port.SocketListener;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Guards one connection's {@link SocketListener}, for a transport whose reports come from more
 * than one thread (the framework's reader, and the adapter's own thread for close, abort and
 * timers): calls never overlap, exactly one terminal callback is made, and nothing is reported
 * after it. A listener that throws is logged, never allowed into the framework (which would
 * treat it as a connection error).
 */
public final class SerialSocketListener {
    private static final System.Logger LOG = System.getLogger(SerialSocketListener.class.getName());

    private final SocketListener listener;
    private final String connectionName;
    private final Runnable whenFinished;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean finished;
    private boolean muted;

    /**
     * @param connectionName names the connection in the log when the listener throws: a redacted URI
     * @param whenFinished   runs once, with the terminal callback (or {@link #mute()})
     */
    public SerialSocketListener(SocketListener listener, String connectionName, Runnable whenFinished) {
        this.listener = listener;
        this.connectionName = connectionName;
        this.whenFinished = whenFinished;
    }

    public void text(String text) {
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

    public void binary(ByteBuffer message) {
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

    public void pong() {
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
    public void closed(int code, @Nullable String reason) {
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
    public void failed(Throwable error) {
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
    public void mute() {
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
    public boolean finished() {
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
        LOG.log(System.Logger.Level.WARNING, "socket listener " + connectionName + "." + callback + " threw; the connection carries on", e);
    }
}
