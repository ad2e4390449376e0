package io.jvq.cli.session;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A discovery port that reports refusals (a reply whose code is not {@code "0"}) to the
 * session, which keeps the latest for its error message. The client still gets every reply
 * and decides, with its refusal classifier, whether a refusal ends the attempts.
 */
public final class WatchedDiscoveryPort implements DiscoveryPort {
    private final DiscoveryPort inner;
    private final BiConsumer<DiscoveryRequest, DiscoveryReply> onRefusal;

    public WatchedDiscoveryPort(DiscoveryPort inner, BiConsumer<DiscoveryRequest, DiscoveryReply> onRefusal) {
        this.inner = inner;
        this.onRefusal = onRefusal;
    }

    @Override
    public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
        return inner.discover(request).whenComplete((reply, error) -> {
            if (reply != null && !reply.ok()) {
                onRefusal.accept(request, reply);
            }
        });
    }

    @Override
    public void close() {
        inner.close();
    }
}
