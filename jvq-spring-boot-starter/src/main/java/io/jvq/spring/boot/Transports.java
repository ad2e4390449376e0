package io.jvq.spring.boot;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.transport.tyrus.JvqTyrus;
import io.jvq.transport.vertx.JvqVertx;
import org.springframework.util.ClassUtils;

/** A client builder on the configured transport. */
final class Transports {
    private static final String TYRUS = "io.jvq.transport.tyrus.JvqTyrus";

    private Transports() {
    }

    static JvqClient.Builder clientBuilder(JvqProperties.Transport transport, ClientOptions options) {
        return switch (transport) {
            case VERTX -> JvqVertx.clientBuilder(options);
            case TYRUS -> {
                if (!ClassUtils.isPresent(TYRUS, Transports.class.getClassLoader())) {
                    throw new IllegalStateException("jvq.transport=tyrus needs io.jvq:jvq-transport-tyrus on the"
                            + " classpath; add it, or use jvq.transport=vertx");
                }
                yield Tyrus.clientBuilder(options);
            }
        };
    }

    /** Loaded only when Tyrus is chosen and present. */
    private static final class Tyrus {
        static JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqTyrus.clientBuilder(options);
        }
    }
}
