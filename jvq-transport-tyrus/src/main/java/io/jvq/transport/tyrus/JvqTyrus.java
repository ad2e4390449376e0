package io.jvq.transport.tyrus;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Entry point for users without a DI container: a {@link JvqClient.Builder} with this module's
 * two ports already set. The client owns the ports and closes them when it is closed.
 *
 * <pre>{@code
 * try (JvqClient client = JvqTyrus.clientBuilder(ClientOptions.builder(token).build())
 *         .listener(listener)
 *         .build()) {
 *     client.subscribe(SubscriptionCode.parse("lv1_600519"));
 *     client.start();
 *     ...
 * }
 * }</pre>
 */
public final class JvqTyrus {
    private JvqTyrus() {
    }

    /** A builder with a {@link TyrusSocketPort} and a {@link JdkHttpDiscoveryPort}, JDK default trust. */
    public static JvqClient.Builder clientBuilder(ClientOptions options) {
        Objects.requireNonNull(options, "options");
        return JvqClient.builder()
                .options(options)
                .socket(TyrusSocketPort.create())
                .discovery(JdkHttpDiscoveryPort.create());
    }

    /** As {@link #clientBuilder(ClientOptions)}, trusting what {@code sslContext} trusts for wss:// and https://. */
    public static JvqClient.Builder clientBuilder(ClientOptions options, SSLContext sslContext) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sslContext, "sslContext");
        return JvqClient.builder()
                .options(options)
                .socket(TyrusSocketPort.builder().sslContext(sslContext).build())
                .discovery(JdkHttpDiscoveryPort.builder().sslContext(sslContext).build());
    }
}
