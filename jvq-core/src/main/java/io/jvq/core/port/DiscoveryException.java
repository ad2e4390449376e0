package io.jvq.core.port;

/**
 * Discovery did not produce a usable server address: an HTTP error, a body that is not the
 * expected JSON, a timeout, an I/O failure, or a refusal ({@code code} other than {@code "0"}).
 * Messages never contain the token.
 */
public class DiscoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
