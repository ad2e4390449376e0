package io.jvq.transport.jdk;

import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.wire.DiscoveryReplies;
import io.jvq.core.wire.Timeouts;
import org.jspecify.annotations.Nullable;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * {@link DiscoveryPort} on the JDK's {@link HttpClient}: {@code GET request.uri()}, the whole
 * exchange bounded by {@link DiscoveryRequest#timeout()}, the reply judged by
 * {@link DiscoveryReplies}. Redirects are not followed (docs/PROTOCOL.md §1).
 *
 * <p>Threads: the HTTP client's selector thread (the JDK names it
 * {@code HttpClient-n-SelectorManager}) and {@code jvq-discovery-n} threads, which complete
 * the futures; both start with the first call, not before. Discovery happens once per
 * connection attempt, so all of this is idle nearly all the time.
 */
public final class JdkHttpDiscoveryPort implements DiscoveryPort {
    private final OwnedHttpClient client;

    private JdkHttpDiscoveryPort(Builder builder) {
        SSLContext tls = builder.sslContext;
        Duration connectTimeout = builder.connectTimeout;
        this.client = new OwnedHttpClient("jvq-discovery", http -> {
            http.connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1);
            if (tls != null) {
                http.sslContext(tls);
            }
        });
    }

    /** A port with the JDK's default trust for {@code https://}. */
    public static JdkHttpDiscoveryPort create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
        Objects.requireNonNull(request, "request");
        HttpClient http;
        try {
            DiscoveryReplies.requireHttpUrl(request);
            http = client();
        } catch (DiscoveryException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest httpRequest;
        try {
            httpRequest = HttpRequest.newBuilder(request.uri())
                    .timeout(request.timeout())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(DiscoveryReplies.failed(request, e));
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(httpRequest, BoundedBody.HANDLER);
        // The request timeout covers the wait for the headers; this one covers the body too.
        CompletableFuture<DiscoveryReply> reply = exchange
                .orTimeout(Timeouts.millis(request.timeout()), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(error, request);
                    }
                    return DiscoveryReplies.interpret(request, response.statusCode(), response.body());
                });
        reply.whenComplete((r, e) -> exchange.cancel(true));
        return reply;
    }

    private static DiscoveryException failure(Throwable error, DiscoveryRequest request) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DiscoveryException discovery) {
            return discovery;
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return Timeouts.discovery(request.redactedUri(), request.timeout());
        }
        if (cause instanceof CancellationException) {
            return new DiscoveryException("discovery " + request.redactedUri() + " was cancelled", cause);
        }
        if (cause instanceof ConnectException connect && (connect.getMessage() == null || connect.getMessage().isBlank())) {
            return connectFailed(request, connect);
        }
        return DiscoveryReplies.failed(request, cause);
    }

    /**
     * The JDK's client says only {@code ConnectException}, with no message: say what failed, with the
     * host and port (never the token), as its inner cause tells it.
     */
    private static DiscoveryException connectFailed(DiscoveryRequest request, ConnectException cause) {
        URI uri = request.uri();
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String where = uri.getHost() + ":" + port;
        String what = cause.getCause() instanceof UnresolvedAddressException
                ? "unknown host " + uri.getHost() + " (" + where + ")"
                : cause.getCause() instanceof ClosedChannelException
                ? "connection refused by " + where + " (is the server running there?)"
                : "could not connect to " + where;
        return new DiscoveryException("discovery " + request.redactedUri() + " failed: " + what + " (ConnectException)",
                cause);
    }

    private HttpClient client() {
        HttpClient http = client.get();
        if (http == null) {
            throw new DiscoveryException("the JDK discovery port is closed");
        }
        return http;
    }

    /**
     * Ends the port's threads; calls in flight fail. Idempotent. (On JDK 17 the HTTP client's
     * selector thread ends when the garbage collector takes the client; on 21+ at once.)
     */
    @Override
    public void close() {
        client.close();
    }

    public static final class Builder {
        private @Nullable SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Trust for {@code https://}; default: the JDK's default context. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** Limit for the TCP (and TLS) connect alone; each call's own timeout bounds the whole call. Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        public JdkHttpDiscoveryPort build() {
            return new JdkHttpDiscoveryPort(this);
        }
    }
}
