package io.jvq.core.client;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A scripted discovery service: answers each call with the next scripted answer, or with the
 * default reply when the script is empty, and records every request.
 */
final class FakeDiscovery implements DiscoveryPort {
    static final String DEFAULT_SERVER = "127.0.0.1:9000/quotes";

    record Call(DiscoveryRequest request, long atNanos, String thread) {
    }

    private final ConcurrentLinkedQueue<Supplier<CompletableFuture<DiscoveryReply>>> script =
            new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new ArrayList<>();
    private volatile DiscoveryReply fallback = ok(DEFAULT_SERVER);
    private volatile boolean closed;

    static DiscoveryReply ok(String server) {
        return new DiscoveryReply("0", server, "{\"code\":\"0\",\"server\":\"" + server + "\"}");
    }

    FakeDiscovery thenReply(DiscoveryReply reply) {
        script.add(() -> CompletableFuture.completedFuture(reply));
        return this;
    }

    FakeDiscovery thenServer(String server) {
        return thenReply(ok(server));
    }

    FakeDiscovery thenRefuse(String code, String body) {
        return thenReply(new DiscoveryReply(code, null, body));
    }

    FakeDiscovery thenFail(Throwable error) {
        script.add(() -> CompletableFuture.failedFuture(error));
        return this;
    }

    /** The next call gets this future, which the test completes (or never does). */
    FakeDiscovery thenPending(CompletableFuture<DiscoveryReply> answer) {
        script.add(() -> answer);
        return this;
    }

    @Override
    public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
        synchronized (calls) {
            calls.add(new Call(request, System.nanoTime(), Thread.currentThread().getName()));
        }
        Supplier<CompletableFuture<DiscoveryReply>> next = script.poll();
        return next != null ? next.get() : CompletableFuture.completedFuture(fallback);
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    int callCount() {
        return calls().size();
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
