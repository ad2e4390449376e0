package io.jvq.core.wire;

import io.jvq.core.port.DiscoveryException;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The one way a transport reports a timeout, so that a {@code Disconnected} reason reads the same
 * whichever transport is in use: a WebSocket connect that took too long is a
 * {@link SocketTimeoutException}, a discovery call that took too long a {@link DiscoveryException}.
 */
public final class Timeouts {
    private Timeouts() {
    }

    /** TCP connect plus the upgrade did not finish within {@code timeout}. */
    public static SocketTimeoutException connect(String redactedUri, Duration timeout) {
        return new SocketTimeoutException("WebSocket connect to " + redactedUri + " timed out after "
                + millis(timeout) + " ms");
    }

    /** The discovery reply was not complete within {@code timeout}. */
    public static DiscoveryException discovery(String redactedUri, Duration timeout) {
        return new DiscoveryException("discovery " + redactedUri + " timed out after " + millis(timeout) + " ms");
    }

    /** The timer value a transport arms for {@code timeout}: never zero, which frameworks read as "none". */
    public static long millis(Duration timeout) {
        return Math.max(1, timeout.toMillis());
    }
}
