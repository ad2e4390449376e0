package io.jvq.transport.jdk;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The JDK's WebSocket refuses a send while the last of its kind is pending ("Send pending"):
 * this runs each send once the one before it has finished, whatever its outcome, in the order
 * they were asked for. Commands, pings and the close frame thus reach the wire in call order.
 */
final class SendChain {
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    synchronized CompletableFuture<WebSocket> then(Supplier<CompletableFuture<WebSocket>> send) {
        CompletableFuture<WebSocket> next = tail.handle((ignored, error) -> null).thenCompose(ignored -> send.get());
        tail = next;
        return next;
    }
}
