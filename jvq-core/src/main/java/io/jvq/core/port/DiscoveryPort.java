package io.jvq.core.port;

import java.util.concurrent.CompletableFuture;

/**
 * Port: the HTTP call that hands out a server address (docs/PROTOCOL.md §1).
 * An adapter performs {@code GET request.uri()}, follows no redirect, and hands the status and
 * the body bytes to {@link io.jvq.core.wire.DiscoveryReplies}, which decides what they mean; every
 * adapter passes the testkit's {@code DiscoveryPortContract}. Adapters must never log {@link DiscoveryRequest#uri()}: it holds the token.
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
