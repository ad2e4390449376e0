package io.jvq.spring.boot.common;

import io.jvq.core.client.OverflowPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jvq.*} properties. Only {@code jvq.token} is required; give it through the
 * environment ({@code JVQ_TOKEN}), never in a file under version control.
 */
@ConfigurationProperties("jvq")
public class JvqProperties {
    /** The jvQuant token (secret); the environment variable JVQ_TOKEN sets it. */
    private @Nullable String token;
    /** Subscription codes, e.g. lv1_600519, lv2_000001. */
    private List<String> codes = new ArrayList<>();
    /** The WebSocket transport; unset, the first on the classpath of vertx, tyrus and jdk (the one the starter brings). */
    private @Nullable Transport transport;
    /** Market flag; ab is Shanghai and Shenzhen. */
    private @Nullable String market;
    /** The discovery endpoint; the vendor's by default. */
    private @Nullable URI discoveryUrl;
    /** Whether the client starts with the application context. */
    private boolean autoStart = true;
    private final Reconnect reconnect = new Reconnect();
    private final Liveness liveness = new Liveness();
    private final DispatchProperties dispatch = new DispatchProperties();
    private final Health health = new Health();
    private final Kafka kafka = new Kafka();

    public enum Transport { VERTX, TYRUS, JDK }

    /** Backoff between connection attempts: initial-delay × multiplier^attempt up to max-delay, ± jitter. */
    public static class Reconnect {
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        /** Fraction of each delay drawn at random, 0 to 1. */
        private double jitter = 0.2;

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public double getJitter() {
            return jitter;
        }

        public void setJitter(double jitter) {
            this.jitter = jitter;
        }
    }

    /** How a dead connection is noticed; unset values keep the client's defaults. */
    public static class Liveness {
        /** How often to ping; 0 disables pings. */
        private @Nullable Duration pingInterval;
        /** Replace a connection silent this long; 0 disables the check. */
        private @Nullable Duration idleTimeout;

        public @Nullable Duration getPingInterval() {
            return pingInterval;
        }

        public void setPingInterval(@Nullable Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        public @Nullable Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(@Nullable Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }
    }

    /** How events reach the listeners: direct (on the transport's thread) or through a bounded queue. */
    public static class DispatchProperties {
        private Policy policy = Policy.DIRECT;
        /** The bounded queue's capacity, in feed events. */
        private int capacity = 8192;
        /** What a full bounded queue does with a feed event. */
        private OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;

        public enum Policy { DIRECT, BOUNDED }

        public Policy getPolicy() {
            return policy;
        }

        public void setPolicy(Policy policy) {
            this.policy = policy;
        }

        public int getCapacity() {
            return capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        public OverflowPolicy getOverflow() {
            return overflow;
        }

        public void setOverflow(OverflowPolicy overflow) {
            this.overflow = overflow;
        }
    }

    /** The health indicator, and its idea of a fresh feed. */
    public static class Health {
        /** Whether the jvq health indicator is registered (with the actuator present). */
        private boolean enabled = true;
        /**
         * DOWN when connected but no frame came for this long (counted from the connection's start
         * when none came yet); 0 checks the connection only (for hours when the market is shut).
         */
        private Duration maxSilence = Duration.ofSeconds(60);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getMaxSilence() {
            return maxSilence;
        }

        public void setMaxSilence(Duration maxSilence) {
            this.maxSilence = maxSilence;
        }
    }

    /** The Kafka bridge (jvq-kafka on the classpath): on when bootstrap-servers is set. */
    public static class Kafka {
        /** Kafka's bootstrap.servers, host:port[,host:port...]; setting it publishes the client's quotes. */
        private @Nullable String bootstrapServers;
        /** Topics are this prefix and the level's flag: jvq.lv1, jvq.lv2, jvq.lv10 by default. */
        private String topicPrefix = "jvq.";
        /** Record values: line (the vendor's line) or json (jvq's JSON event schema). */
        private String valueFormat = "line";
        /** Kafka producer properties over the bridge's defaults, e.g. compression.type. */
        private Map<String, String> producer = new LinkedHashMap<>();

        public @Nullable String getBootstrapServers() {
            return bootstrapServers;
        }

        public void setBootstrapServers(@Nullable String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public String getTopicPrefix() {
            return topicPrefix;
        }

        public void setTopicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix;
        }

        public String getValueFormat() {
            return valueFormat;
        }

        public void setValueFormat(String valueFormat) {
            this.valueFormat = valueFormat;
        }

        public Map<String, String> getProducer() {
            return producer;
        }

        public void setProducer(Map<String, String> producer) {
            this.producer = producer;
        }
    }

    public Kafka getKafka() {
        return kafka;
    }

    public @Nullable String getToken() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    public List<String> getCodes() {
        return codes;
    }

    public void setCodes(List<String> codes) {
        this.codes = codes;
    }

    public @Nullable Transport getTransport() {
        return transport;
    }

    public void setTransport(@Nullable Transport transport) {
        this.transport = transport;
    }

    public @Nullable String getMarket() {
        return market;
    }

    public void setMarket(@Nullable String market) {
        this.market = market;
    }

    public @Nullable URI getDiscoveryUrl() {
        return discoveryUrl;
    }

    public void setDiscoveryUrl(@Nullable URI discoveryUrl) {
        this.discoveryUrl = discoveryUrl;
    }

    public boolean isAutoStart() {
        return autoStart;
    }

    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    public Reconnect getReconnect() {
        return reconnect;
    }

    public Liveness getLiveness() {
        return liveness;
    }

    public DispatchProperties getDispatch() {
        return dispatch;
    }

    public Health getHealth() {
        return health;
    }

    /** Without the token's value. */
    @Override
    public String toString() {
        return "JvqProperties[token=" + (token == null ? "unset" : "***") + ", codes=" + codes
                + ", transport=" + (transport == null ? "default" : transport) + ", autoStart=" + autoStart + "]";
    }
}
