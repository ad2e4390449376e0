package io.jvq.spring.boot.common;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.Dispatch;
import io.jvq.core.client.ReconnectPolicy;

import java.util.List;

/** Turns {@code jvq.*} properties into the client's settings; a bad value fails naming its property (never the token). */
public final class ClientOptionsFactory {
    private ClientOptionsFactory() {
    }

    /** The options from the properties, then adjusted by each customizer in turn. */
    public static ClientOptions options(JvqProperties properties, List<JvqClientCustomizer> customizers) {
        String token = properties.getToken();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("jvq.token is not set: give the jvQuant token through the"
                    + " JVQ_TOKEN environment variable (or the jvq.token property)");
        }
        ClientOptions.Builder options = ClientOptions.builder(token);
        if (properties.getMarket() != null) {
            options.market(properties.getMarket());
        }
        if (properties.getDiscoveryUrl() != null) {
            options.discoveryUrl(properties.getDiscoveryUrl());
        }
        JvqProperties.Reconnect reconnect = properties.getReconnect();
        options.reconnect(checked("jvq.reconnect", () -> new ReconnectPolicy(reconnect.getInitialDelay(),
                reconnect.getMaxDelay(), reconnect.getMultiplier(), reconnect.getJitter())));
        JvqProperties.Liveness liveness = properties.getLiveness();
        if (liveness.getPingInterval() != null) {
            options.pingInterval(liveness.getPingInterval());
        }
        if (liveness.getIdleTimeout() != null) {
            options.idleTimeout(liveness.getIdleTimeout());
        }
        customizers.forEach(customizer -> customizer.customize(options));
        return checked("jvq", options::build);
    }

    public static Dispatch dispatch(JvqProperties properties) {
        JvqProperties.DispatchProperties dispatch = properties.getDispatch();
        return switch (dispatch.getPolicy()) {
            case DIRECT -> Dispatch.direct();
            case BOUNDED -> checked("jvq.dispatch",
                    () -> Dispatch.bounded(dispatch.getCapacity(), dispatch.getOverflow()));
        };
    }

    public static List<SubscriptionCode> codes(JvqProperties properties) {
        return checked("jvq.codes", () -> SubscriptionCode.parseAll(properties.getCodes()));
    }

    private static <T> T checked(String prefix, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("invalid " + prefix + ".* setting: " + e.getMessage(), e);
        }
    }
}
