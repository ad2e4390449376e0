package io.jvq.core.port;

import java.util.concurrent.CompletableFuture;

/**
 * Port: the HTTP call that hands out a server address (docs/PROTOCOL.md §1).
 * An adapter performs {@code GET request.uri()} and parses the JSON reply; the core decides
 * what the reply means. Adapters must never log {@link DiscoveryRequest#uri()}: it holds the token.
 */
public interface DiscoveryPort extends AutoCloseable {

    /**
     * Completes with the reply's fields when the server answered HTTP 200 with a JSON object;
     * fails with a {@link DiscoveryException} on any other status, a body that is not JSON,
     * a timeout ({@link DiscoveryRequest#timeout()}) or an I/O error.
     */
    CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request);

    /** Releases what the adapter owns (threads, pools). Idempotent. */
    @Override
    default void close() {
    }
}
