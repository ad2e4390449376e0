package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A self-healing jvQuant quote client: discovery → connect → subscribe → decode → dispatch →
 * reconnect. It asks for a fresh server address before every connection, sends its whole
 * subscription with one {@code all=} command after connecting, and reconnects with backoff
 * when the connection ends, until {@link #close()}.
 *
 * <pre>{@code
 * JvqClient client = JvqClient.builder()
 *         .options(ClientOptions.builder(token).build())
 *         .socket(socketPort).discovery(discoveryPort)
 *         .listener(listener)
 *         .build();
 * client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
 * client.start();
 * }</pre>
 */
public final class JvqClient implements AutoCloseable {
    // TODO(session engine): implementation in progress
    private JvqClient(Builder builder) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts discovering and connecting in the background. Idempotent; fails after close. */
    public void start() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Adds codes; sends {@code add=} for those not yet subscribed when connected. */
    public void subscribe(Collection<SubscriptionCode> codes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void subscribe(SubscriptionCode... codes) {
        subscribe(List.of(codes));
    }

    /** Removes codes; sends {@code del=} for those that were subscribed when connected. */
    public void unsubscribe(Collection<SubscriptionCode> codes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void unsubscribe(SubscriptionCode... codes) {
        unsubscribe(List.of(codes));
    }

    /** Replaces the whole subscription; sends {@code all=} when connected. */
    public void replaceAll(Collection<SubscriptionCode> codes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Sends {@code list} and completes with the server's text reply; fails when not connected or
     * when the connection ends before the reply.
     */
    public CompletableFuture<String> list() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The client's subscription set, in the order codes were added. */
    public Set<SubscriptionCode> subscriptions() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True while a connection is open and subscribed. */
    public boolean isConnected() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Final: stops reconnecting, closes the connection and the ports, releases every thread. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static final class Builder {
        ClientOptions options;
        SocketPort socket;
        DiscoveryPort discovery;
        QuoteListener listener = new QuoteListener() {
        };

        private Builder() {
        }

        public Builder options(ClientOptions options) {
            this.options = options;
            return this;
        }

        public Builder socket(SocketPort socket) {
            this.socket = socket;
            return this;
        }

        public Builder discovery(DiscoveryPort discovery) {
            this.discovery = discovery;
            return this;
        }

        public Builder listener(QuoteListener listener) {
            this.listener = listener;
            return this;
        }

        public JvqClient build() {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(listener, "listener");
            return new JvqClient(this);
        }
    }
}
