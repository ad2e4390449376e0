package io.jvq.core.client;

import io.jvq.core.Token;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JvqClient} finds, reaches and watches the server. Only the token is required.
 * {@link #toString()} shows the token as {@code ***}, in the discovery URL too.
 *
 * @param token            the jvQuant token (secret)
 * @param market           market flag, {@code ab} for Shanghai + Shenzhen
 * @param discoveryUrl     the discovery endpoint, default {@code http://jvQuant.com/server}
 * @param reconnect        backoff between attempts
 * @param maxInflatedBytes cap on one frame's inflated size (a decompression bomb costs no more)
 * @param maxMessageBytes  the largest compressed message the socket accepts
 * @param connectTimeout   TCP connect plus WebSocket upgrade
 * @param discoveryTimeout the whole discovery HTTP call
 * @param pingInterval     how often to ping the server; {@link Duration#ZERO} disables pings
 * @param idleTimeout      a connection with nothing received (not even a pong) for this long is
 *                         dead and replaced; {@link Duration#ZERO} disables the check
 * @param refusalClassifier tells a discovery refusal that retrying cannot heal (a bad token) from a
 *                         passing one; default {@link RefusalClassifier#DEFAULT}
 * @param maxCommandBytes  the largest command text frame sent; a larger subscription goes out as
 *                         {@code all=} with a first chunk, then {@code add=} chunks. jvQuant documents
 *                         no limit; default {@link #DEFAULT_MAX_COMMAND_BYTES}
 * @param retryFatalRefusals true to retry fatal refusals too, with the backoff; default false: the
 *                         client stops at the first one and says so with {@code ConnectionEvent.Refused}
 */
public record ClientOptions(Token token, String market, URI discoveryUrl, ReconnectPolicy reconnect,
                            int maxInflatedBytes, int maxMessageBytes, Duration connectTimeout,
                            Duration discoveryTimeout, Duration pingInterval, Duration idleTimeout,
                            RefusalClassifier refusalClassifier, boolean retryFatalRefusals, int maxCommandBytes) {

    public static final URI DEFAULT_DISCOVERY_URL = URI.create("http://jvQuant.com/server");
    public static final int DEFAULT_MAX_INFLATED_BYTES = 16 * 1024 * 1024;
    /** A conservative 32 KiB: jvQuant documents no command size limit; a full-market all= is about 120 KB. */
    public static final int DEFAULT_MAX_COMMAND_BYTES = 32 * 1024;
    /** Enough for {@code add=} and one code. */
    public static final int MIN_MAX_COMMAND_BYTES = 64;
    /** Pings every 5 s: two pongs fit in the idle timeout, so one lost pong is no alarm. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(5);
    /** Nothing received (no frame, no pong) for 12 s: the connection is dead and replaced. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(12);

    public ClientOptions {
        Objects.requireNonNull(token, "token is null: build options with ClientOptions.builder(token)");
        required(market, "market", "a market flag, \"ab\" (the default) for Shanghai and Shenzhen");
        required(discoveryUrl, "discoveryUrl", "the discovery endpoint, e.g. http://127.0.0.1:18080/server for"
                + " jvq serve; leave it unset for jvQuant's own, " + DEFAULT_DISCOVERY_URL);
        required(reconnect, "reconnect", "a ReconnectPolicy; leave it unset for ReconnectPolicy.DEFAULT");
        required(connectTimeout, "connectTimeout", "a positive Duration; leave it unset for 10 s");
        required(discoveryTimeout, "discoveryTimeout", "a positive Duration; leave it unset for 10 s");
        required(pingInterval, "pingInterval", "a Duration, Duration.ZERO for no pings");
        required(idleTimeout, "idleTimeout", "a Duration, Duration.ZERO for no idle check");
        required(refusalClassifier, "refusalClassifier", "a RefusalClassifier; leave it unset for"
                + " RefusalClassifier.DEFAULT");
        if (market.isBlank()) {
            throw new IllegalArgumentException("market is blank: ClientOptions.Builder.market(...) takes a market flag,"
                    + " \"ab\" (the default) for Shanghai and Shenzhen");
        }
        requirePositive("maxInflatedBytes", maxInflatedBytes);
        requirePositive("maxMessageBytes", maxMessageBytes);
        if (maxCommandBytes < MIN_MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("maxCommandBytes must be at least " + MIN_MAX_COMMAND_BYTES
                    + " (room for one code), got " + maxCommandBytes);
        }
        // A zero or negative timeout would fail every attempt at once; a negative ping interval or
        // idle timeout would quietly turn the check off, which only zero is documented to do.
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("discoveryTimeout", discoveryTimeout);
        if (pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must be zero (no pings) or positive, got " + pingInterval);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be zero (no idle check) or positive, got " + idleTimeout);
        }
        if (!pingInterval.isZero() && !idleTimeout.isZero() && idleTimeout.compareTo(pingInterval) <= 0) {
            // a quiet, healthy connection would be given up between two pongs
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be longer than pingInterval ("
                    + pingInterval + ")");
        }
        String scheme = discoveryUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("discoveryUrl must be http:// or https://, got "
                    + token.redact(discoveryUrl.toString()));
        }
    }

    /** The record's form, with the token hidden, also where it was pasted into the discovery URL. */
    @Override
    public String toString() {
        return "ClientOptions[token=" + token + ", market=" + market + ", discoveryUrl="
                + token.redact(discoveryUrl.toString()) + ", reconnect=" + reconnect
                + ", maxInflatedBytes=" + maxInflatedBytes + ", maxMessageBytes=" + maxMessageBytes
                + ", connectTimeout=" + connectTimeout + ", discoveryTimeout=" + discoveryTimeout
                + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout
                + ", refusalClassifier=" + refusalClassifier + ", retryFatalRefusals=" + retryFatalRefusals
                + ", maxCommandBytes=" + maxCommandBytes + "]";
    }

    /** A null option names the builder method that sets it and what it takes. */
    private static void required(Object value, String name, String takes) {
        if (value == null) {
            throw new NullPointerException(name + " is null: ClientOptions.Builder." + name + "(...) takes " + takes);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * Options for {@code token}, the only one required, e.g.
     * {@code ClientOptions.builder(System.getenv("JVQ_TOKEN"))}.
     *
     * @throws IllegalArgumentException when {@code token} is null (an unset environment variable) or
     *                                  blank, saying so
     */
    public static Builder builder(String token) {
        return new Builder(Token.of(token));
    }

    public Builder toBuilder() {
        return new Builder(token).market(market).discoveryUrl(discoveryUrl).reconnect(reconnect)
                .maxInflatedBytes(maxInflatedBytes).maxMessageBytes(maxMessageBytes)
                .connectTimeout(connectTimeout).discoveryTimeout(discoveryTimeout)
                .pingInterval(pingInterval).idleTimeout(idleTimeout)
                .refusalClassifier(refusalClassifier).retryFatalRefusals(retryFatalRefusals)
                .maxCommandBytes(maxCommandBytes);
    }

    public static final class Builder {
        private final Token token;
        private String market = "ab";
        private URI discoveryUrl = DEFAULT_DISCOVERY_URL;
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private int maxInflatedBytes = DEFAULT_MAX_INFLATED_BYTES;
        private int maxMessageBytes = DEFAULT_MAX_INFLATED_BYTES;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration discoveryTimeout = Duration.ofSeconds(10);
        // A silent connection is given up within DEFAULT_IDLE_TIMEOUT; a quiet healthy one answers the
        // pings, and any pong or frame counts as life, so the lunch break raises no false alarm.
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private RefusalClassifier refusalClassifier = RefusalClassifier.DEFAULT;
        private boolean retryFatalRefusals;
        private int maxCommandBytes = DEFAULT_MAX_COMMAND_BYTES;

        private Builder(Token token) {
            this.token = token;
        }

        public Builder market(String market) {
            this.market = market;
            return this;
        }

        public Builder discoveryUrl(URI discoveryUrl) {
            this.discoveryUrl = discoveryUrl;
            return this;
        }

        /**
         * The discovery endpoint as text, e.g. {@code "http://127.0.0.1:18080/server"} for {@code jvq serve}.
         *
         * @throws IllegalArgumentException when it is not a URI (the message hides any {@code token=} in it)
         */
        public Builder discoveryUrl(String discoveryUrl) {
            required(discoveryUrl, "discoveryUrl", "the discovery endpoint, e.g. http://127.0.0.1:18080/server for"
                    + " jvq serve");
            URI uri;
            try {
                uri = URI.create(discoveryUrl);
            } catch (IllegalArgumentException e) {
                // URI.create quotes its input, which may hold the token: say it redacted, without the cause
                throw new IllegalArgumentException("discoveryUrl is not a URL: " + token.redact(discoveryUrl)
                        + "; ClientOptions.Builder.discoveryUrl(...) takes e.g. http://127.0.0.1:18080/server");
            }
            return discoveryUrl(uri);
        }

        public Builder reconnect(ReconnectPolicy reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        public Builder maxInflatedBytes(int maxInflatedBytes) {
            this.maxInflatedBytes = maxInflatedBytes;
            return this;
        }

        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder discoveryTimeout(Duration discoveryTimeout) {
            this.discoveryTimeout = discoveryTimeout;
            return this;
        }

        public Builder pingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder refusalClassifier(RefusalClassifier refusalClassifier) {
            this.refusalClassifier = refusalClassifier;
            return this;
        }

        public Builder retryFatalRefusals(boolean retryFatalRefusals) {
            this.retryFatalRefusals = retryFatalRefusals;
            return this;
        }

        public Builder maxCommandBytes(int maxCommandBytes) {
            this.maxCommandBytes = maxCommandBytes;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(token, market, discoveryUrl, reconnect, maxInflatedBytes, maxMessageBytes,
                    connectTimeout, discoveryTimeout, pingInterval, idleTimeout, refusalClassifier, retryFatalRefusals,
                    maxCommandBytes);
        }
    }
}
