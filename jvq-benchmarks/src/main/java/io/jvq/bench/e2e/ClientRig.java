package io.jvq.bench.e2e;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.testkit.FakeJvQuant;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake jvQuant on loopback and one client connected to it and subscribed, delivering into a
 * {@link FeedTap}. The fake runs in this JVM; {@link #connect} alone serves a server elsewhere.
 */
public final class ClientRig implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final FakeJvQuant server;
    private final JvqClient client;

    private ClientRig(FakeJvQuant server, JvqClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts a fake, connects a client on {@code transport} and waits until it is subscribed. */
    public static ClientRig start(Transport transport, DeliveryPath path, Collection<SubscriptionCode> codes,
                                  FeedTap tap) {
        FakeJvQuant server = FakeJvQuant.start();
        try {
            JvqClient client = connect(transport, path, server.clientOptions().build(), codes, tap);
            server.awaitConnections(1, CONNECT_TIMEOUT);
            return new ClientRig(server, client);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Options for a {@link FakeJvQuant} with the default token and market listening on {@code port} (in another process). */
    public static ClientOptions optionsForFake(int port) {
        return ClientOptions.builder(FakeJvQuant.DEFAULT_TOKEN).market(FakeJvQuant.DEFAULT_MARKET)
                .discoveryUrl(URI.create("http://127.0.0.1:" + port + FakeJvQuant.DISCOVERY_PATH)).build();
    }

    /** Builds and starts a client and waits until its subscription is acknowledged. */
    public static JvqClient connect(Transport transport, DeliveryPath path, ClientOptions options,
                                    Collection<SubscriptionCode> codes, FeedTap tap) {
        JvqClient.Builder builder = transport.clientBuilder(options);
        path.attach(builder, tap);
        JvqClient client = builder.build();
        try {
            client.subscribe(codes);
            client.start();
            long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
            while (!client.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(transport + " client not connected within " + CONNECT_TIMEOUT
                            + ": " + client + ", " + client.stats());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return client;
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    public FakeJvQuant server() {
        return server;
    }

    public JvqClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
