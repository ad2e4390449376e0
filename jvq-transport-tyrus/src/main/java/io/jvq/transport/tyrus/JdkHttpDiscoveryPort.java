package io.jvq.transport.tyrus;

import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link DiscoveryPort} on the JDK's {@link HttpClient}: {@code GET request.uri()}, the whole
 * exchange bounded by {@link DiscoveryRequest#timeout()}, the JSON reply read with JSON-P
 * (Parsson). Failures are {@link DiscoveryException}s that name what went wrong and never hold
 * the token.
 *
 * <p>Threads: the HTTP client's selector thread (the JDK names it
 * {@code HttpClient-n-SelectorManager}) and {@code jvq-discovery-n} threads, which complete
 * the futures; both start with the first call, not before. Discovery happens once per
 * connection attempt, so all of this is idle nearly all the time.
 */
public final class JdkHttpDiscoveryPort implements DiscoveryPort {
    private final SSLContext sslContext;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final DiscoveryReplyParser parser = new DiscoveryReplyParser();
    private final Object lock = new Object();
    private HttpClient client;
    private ExecutorService executor;
    private boolean closed;

    private JdkHttpDiscoveryPort(Builder builder) {
        this.sslContext = builder.sslContext;
        this.connectTimeout = builder.connectTimeout;
        this.maxBodyBytes = builder.maxBodyBytes;
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
        String source = request.redactedUri();
        String scheme = request.baseUrl().getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return CompletableFuture.failedFuture(
                    new DiscoveryException("discovery URL must be http:// or https://, got " + source));
        }
        HttpClient http;
        try {
            http = client();
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(new DiscoveryException(e.getMessage()));
        }
        HttpRequest httpRequest;
        try {
            httpRequest = HttpRequest.newBuilder(request.uri())
                    .timeout(request.timeout())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new DiscoveryException("discovery request to " + source + " is invalid: "
                            + request.token().redact(e.getMessage())));
        }
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(httpRequest, BoundedBody.handler(maxBodyBytes));
        // The request timeout covers the wait for the headers; this one covers the body too.
        CompletableFuture<DiscoveryReply> reply = exchange
                .orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(error, request);
                    }
                    return read(response, request);
                });
        reply.whenComplete((r, e) -> exchange.cancel(true));
        return reply;
    }

    private DiscoveryReply read(HttpResponse<String> response, DiscoveryRequest request) {
        String source = request.redactedUri();
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new DiscoveryException("discovery " + source + " answered HTTP " + response.statusCode() + ": "
                    + (body.isEmpty() ? "(empty body)" : DiscoveryReplyParser.excerpt(body, request.token())));
        }
        return parser.parse(body, source, request.token());
    }

    private static DiscoveryException failure(Throwable error, DiscoveryRequest request) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DiscoveryException discovery) {
            return discovery;
        }
        String source = request.redactedUri();
        Secrets secrets = Secrets.of(request.uri());
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new DiscoveryException("discovery " + source + " timed out after "
                    + request.timeout().toMillis() + " ms", secrets.scrubbed(cause));
        }
        if (cause instanceof CancellationException) {
            return new DiscoveryException("discovery " + source + " was cancelled", cause);
        }
        String what = cause instanceof IOException ? "failed" : "failed unexpectedly";
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DiscoveryException("discovery " + source + " " + what + ": " + secrets.scrub(detail),
                secrets.scrubbed(cause));
    }

    private HttpClient client() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("JdkHttpDiscoveryPort is closed");
            }
            if (client == null) {
                executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        new NamedThreads("jvq-discovery"));
                HttpClient.Builder builder = HttpClient.newBuilder()
                        .executor(executor)
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1);
                if (sslContext != null) {
                    builder.sslContext(sslContext);
                }
                client = builder.build();
            }
            return client;
        }
    }

    /**
     * Ends the port's threads; calls in flight fail. Idempotent. (On JDK 17 the HTTP client's
     * selector thread ends when the garbage collector takes the client; on 21+ at once.)
     */
    @Override
    public void close() {
        HttpClient http;
        ExecutorService threads;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            http = client;
            threads = executor;
            // On JDK 17 the client's selector thread ends only once the client is unreachable.
            client = null;
            executor = null;
        }
        if (http instanceof AutoCloseable closeable) {
            // JDK 21+: HttpClient is AutoCloseable and stops its selector thread at once.
            try {
                closeable.close();
            } catch (Exception e) {
                Log.LOG.debug("closing the discovery HttpClient failed: {}", e.toString());
            }
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    public static final class Builder {
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxBodyBytes = 64 * 1024;

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

        /** The largest reply body accepted; default 64 KiB (a real reply is under 100 bytes). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public JdkHttpDiscoveryPort build() {
            return new JdkHttpDiscoveryPort(this);
        }
    }
}
