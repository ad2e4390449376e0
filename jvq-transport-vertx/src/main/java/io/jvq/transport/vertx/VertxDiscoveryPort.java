package io.jvq.transport.vertx;

import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.wire.DiscoveryReplies;
import io.jvq.core.wire.Timeouts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The discovery port on Vert.x 5's {@link HttpClient}: {@code GET} the discovery URL
 * ({@code http://} or {@code https://}) and read the JSON object it answers with.
 * <p>
 * The whole call, connect to last byte, is bounded by {@link DiscoveryRequest#timeout()}. The
 * future completes on a Vert.x event-loop thread. Redirects are not followed: the URL carries
 * the token, and a redirect is reported with its status instead (docs/PROTOCOL.md §1).
 */
public final class VertxDiscoveryPort implements DiscoveryPort {
    private static final Logger LOG = LoggerFactory.getLogger(VertxDiscoveryPort.class);
    private final VertxHandle vertx;
    private final TrustOptions trustOptions;
    private final boolean verifyHost;
    private final Object lifecycle = new Object();
    private HttpClient client;
    private boolean closed;

    VertxDiscoveryPort(VertxHandle vertx, TrustOptions trustOptions, boolean verifyHost) {
        this.vertx = vertx.retain();
        this.trustOptions = trustOptions;
        this.verifyHost = verifyHost;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<DiscoveryReply> reply = new CompletableFuture<>();
        String where = request.redactedUri();
        RequestOptions options;
        Context context;
        HttpClient http;
        try {
            options = requestOptions(request);
            synchronized (lifecycle) {
                if (closed) {
                    throw new DiscoveryException("the Vert.x discovery port is closed");
                }
                context = vertx.newEventLoopContext();
                http = client();
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        context.runOnContext(ignored -> new Call(request, where, reply).start(http, options, context));
        LOG.debug("discovery: GET {}", where);
        return reply;
    }

    static RequestOptions requestOptions(DiscoveryRequest request) {
        DiscoveryReplies.requireHttpUrl(request);
        URI uri = request.uri();
        // Vert.x's own timers (connect, then idle) only free the connection; the deadline is ours.
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(uri.toString())
                .setFollowRedirects(false)
                .setTimeout(Timeouts.millis(request.timeout()));
    }

    private HttpClient client() {
        if (client == null) {
            HttpClientOptions options = new HttpClientOptions()
                    // One call per connection attempt, minutes apart: nothing worth keeping open.
                    .setKeepAlive(false)
                    .setVerifyHost(verifyHost);
            if (trustOptions != null) {
                options.setTrustOptions(trustOptions);
            }
            client = vertx.vertx().createHttpClient(options);
        }
        return client;
    }

    /** Closes the HTTP client and, if jvq created it, the Vert.x instance. */
    @Override
    public void close() {
        HttpClient toClose;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = client;
            client = null;
        }
        if (toClose != null) {
            toClose.close().onFailure(e -> LOG.debug("closing the discovery HTTP client: {}", e.toString()));
        }
        vertx.release();
    }

    /** One discovery call; its callbacks run on one event-loop context. */
    private static final class Call {
        private final DiscoveryRequest request;
        private final String where;
        private final CompletableFuture<DiscoveryReply> reply;
        private final Buffer body = Buffer.buffer();
        private HttpClientRequest httpRequest;

        Call(DiscoveryRequest request, String where, CompletableFuture<DiscoveryReply> reply) {
            this.request = request;
            this.where = where;
            this.reply = reply;
        }

        void start(HttpClient http, RequestOptions options, Context context) {
            long timer = context.owner().setTimer(Timeouts.millis(request.timeout()),
                    id -> fail(Timeouts.discovery(where, request.timeout())));
            reply.whenComplete((ok, error) -> context.owner().cancelTimer(timer));
            http.request(options)
                    .compose(sent -> {
                        httpRequest = sent;
                        if (reply.isDone()) {
                            sent.reset();
                        }
                        return sent.send();
                    })
                    .onSuccess(this::read)
                    .onFailure(this::failed);
        }

        private void read(HttpClientResponse response) {
            response.handler(chunk -> {
                if (body.length() + chunk.length() > DiscoveryReplies.MAX_BODY_BYTES) {
                    fail(DiscoveryReplies.bodyTooLarge(request, response.statusCode()));
                } else {
                    body.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(this::failed);
            response.endHandler(ignored -> {
                if (reply.isDone()) {
                    return;
                }
                try {
                    reply.complete(DiscoveryReplies.interpret(request, response.statusCode(), body.getBytes()));
                } catch (DiscoveryException e) {
                    reply.completeExceptionally(e);
                }
            });
        }

        private void failed(Throwable cause) {
            if (cause instanceof TimeoutException) {
                fail(Timeouts.discovery(where, request.timeout()));
            } else {
                fail(DiscoveryReplies.failed(request, cause));
            }
        }

        /** Ends the call with {@code error} unless it already ended; drops the HTTP exchange. */
        private void fail(DiscoveryException error) {
            if (reply.completeExceptionally(error) && httpRequest != null) {
                httpRequest.reset();
            }
        }
    }

    /** Settings for a {@link VertxDiscoveryPort}; none is required. */
    public static final class Builder {
        private Vertx vertx;
        private TrustOptions trustOptions;
        private boolean verifyHost = true;

        private Builder() {
        }

        /** Runs on the caller's Vert.x instance, which the port then never closes. By default it creates its own. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** Whom {@code https://} trusts, e.g. a {@code PemTrustOptions}; by default the JVM's trust store. */
        public Builder trustOptions(TrustOptions trustOptions) {
            this.trustOptions = Objects.requireNonNull(trustOptions, "trustOptions");
            return this;
        }

        /** Whether the server certificate must name the host connected to; on by default. */
        public Builder verifyHost(boolean verifyHost) {
            this.verifyHost = verifyHost;
            return this;
        }

        public VertxDiscoveryPort build() {
            return new VertxDiscoveryPort(vertx == null ? VertxHandle.owned() : VertxHandle.borrowed(vertx),
                    trustOptions, verifyHost);
        }
    }
}
