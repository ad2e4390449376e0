package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.transport.vertx.JvqVertx;

import java.time.Duration;
import java.util.Collection;

/** A real client connected to the fake jvQuant, its quotes going through a bridge to Kafka. */
final class BridgeRun implements AutoCloseable {
    final KafkaQuoteBridge bridge;
    final JvqClient client;
    final Received events = new Received();

    private BridgeRun(KafkaQuoteBridge bridge, FakeJvQuant server, Collection<SubscriptionCode> codes) {
        this.bridge = bridge;
        this.client = JvqVertx.clientBuilder(server.clientOptions().build())
                .quoteSink(bridge)
                .listener(bridge.listener(events))
                .build();
        client.subscribe(codes);
        client.start();
    }

    /** Starts the client and waits until it is connected and subscribed. */
    static BridgeRun start(KafkaQuoteBridge.Builder bridge, FakeJvQuant server, Collection<SubscriptionCode> codes)
            throws InterruptedException {
        BridgeRun run = new BridgeRun(bridge.build(), server, codes);
        run.events.awaitConnected(Duration.ofSeconds(30));
        return run;
    }

    /** Waits until Kafka acknowledged {@code n} quotes of this bridge. */
    void awaitPublished(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bridge.stats().published() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " published within " + timeout + ": " + bridge.stats());
            }
            Thread.sleep(20);
        }
    }

    /** Like a crash of the bridge's process: the connection ends and what the bridge buffered is lost. */
    void kill() {
        bridge.abort();
        client.close();
    }

    @Override
    public void close() {
        client.close();
        bridge.close();
    }
}
