package io.jvq.core.port;

import io.jvq.core.wire.TokenScrubber;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One WebSocket connection to open.
 *
 * @param uri             {@code ws://host:port/path?token=…} (or {@code wss://}): never log it
 * @param connectTimeout  limit for TCP connect plus the upgrade
 * @param maxMessageBytes the largest (compressed) message the adapter must accept, whole or in
 *                        continuation fragments; adapters raise their framework's limits to it
 */
public record SocketRequest(URI uri, Duration connectTimeout, int maxMessageBytes) {

    public SocketRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
    }

    /** The URI with the token shown as {@code ***}, wherever it appears in it. */
    public String redactedUri() {
        return TokenScrubber.of(uri).scrub(uri.toString());
    }

    @Override
    public String toString() {
        return "SocketRequest[" + redactedUri() + ", connectTimeout=" + connectTimeout
                + ", maxMessageBytes=" + maxMessageBytes + "]";
    }
}
