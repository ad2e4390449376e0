package io.jvq.transport.vertx;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

import java.util.Objects;

/**
 * Entry point for a {@link JvqClient} on Vert.x without a DI container.
 *
 * <pre>{@code
 * JvqClient client = JvqVertx.clientBuilder(ClientOptions.builder(token).build())
 *         .listener(listener)
 *         .build();
 * }</pre>
 *
 * The builder comes with both ports set; the client owns them and closes them (and the Vert.x
 * instance they created, if any) when it is closed.
 */
public final class JvqVertx {
    private JvqVertx() {
    }

    /** A client builder whose ports run on a Vert.x instance of their own, created on first use. */
    public static JvqClient.Builder clientBuilder(ClientOptions options) {
        return ports().clientBuilder(options);
    }

    /** A client builder whose ports run on {@code vertx}, which the client never closes. */
    public static JvqClient.Builder clientBuilder(Vertx vertx, ClientOptions options) {
        return ports().vertx(vertx).clientBuilder(options);
    }

    /** For more settings: the Vert.x instance and TLS trust the two ports share. */
    public static Ports ports() {
        return new Ports();
    }

    /** The transport settings shared by the socket and the discovery port. */
    public static final class Ports {
        private Vertx vertx;
        private TrustOptions trustOptions;
        private boolean verifyHost = true;

        private Ports() {
        }

        /** Runs on the caller's Vert.x instance, never closed by jvq. By default jvq creates its own. */
        public Ports vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** Whom {@code wss://} and {@code https://} trust; by default the JVM's trust store. */
        public Ports trustOptions(TrustOptions trustOptions) {
            this.trustOptions = Objects.requireNonNull(trustOptions, "trustOptions");
            return this;
        }

        /** Whether server certificates must name the host connected to; on by default. */
        public Ports verifyHost(boolean verifyHost) {
            this.verifyHost = verifyHost;
            return this;
        }

        /** A client builder with both ports set, on one Vert.x instance. */
        public JvqClient.Builder clientBuilder(ClientOptions options) {
            Objects.requireNonNull(options, "options");
            VertxHandle handle = handle();
            return JvqClient.builder()
                    .options(options)
                    .socket(socketPort(handle))
                    .discovery(discoveryPort(handle));
        }

        VertxHandle handle() {
            return vertx == null ? VertxHandle.owned() : VertxHandle.borrowed(vertx);
        }

        VertxSocketPort socketPort(VertxHandle handle) {
            return new VertxSocketPort(handle, trustOptions, verifyHost);
        }

        VertxDiscoveryPort discoveryPort(VertxHandle handle) {
            return new VertxDiscoveryPort(handle, trustOptions, verifyHost);
        }
    }
}
