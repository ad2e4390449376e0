package io.jvq.spring.boot.common;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.transport.jdk.JvqJdk;
import io.jvq.transport.tyrus.JvqTyrus;
import io.jvq.transport.vertx.JvqVertx;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * A client builder on the configured transport, or, with none configured, on the first present of
 * Vert.x, Tyrus and the JDK's: each starter brings one, so its default is the one it brings (Tyrus
 * brings the JDK transport too, for its discovery, so the JDK's comes last).
 */
public final class Transports {
    private static final String VERTX = "io.jvq.transport.vertx.JvqVertx";
    private static final String TYRUS = "io.jvq.transport.tyrus.JvqTyrus";
    private static final String JDK = "io.jvq.transport.jdk.JvqJdk";

    private Transports() {
    }

    public static JvqClient.Builder clientBuilder(JvqProperties.@Nullable Transport configured, ClientOptions options) {
        JvqProperties.Transport transport = configured != null ? configured : detected();
        return switch (transport) {
            case VERTX -> {
                require(VERTX, "vertx", "jvq-transport-vertx");
                yield Vertx.clientBuilder(options);
            }
            case TYRUS -> {
                require(TYRUS, "tyrus", "jvq-transport-tyrus");
                yield Tyrus.clientBuilder(options);
            }
            case JDK -> {
                require(JDK, "jdk", "jvq-transport-jdk");
                yield Jdk.clientBuilder(options);
            }
        };
    }

    /** The transport used when {@code jvq.transport} is unset. */
    public static JvqProperties.Transport detected() {
        if (present(VERTX)) {
            return JvqProperties.Transport.VERTX;
        }
        if (present(TYRUS)) {
            return JvqProperties.Transport.TYRUS;
        }
        if (present(JDK)) {
            return JvqProperties.Transport.JDK;
        }
        throw new IllegalStateException("no jvq transport on the classpath: add io.jvq:jvq-transport-vertx,"
                + " io.jvq:jvq-transport-tyrus or io.jvq:jvq-transport-jdk");
    }

    private static void require(String className, String name, String artifact) {
        if (!present(className)) {
            throw new IllegalStateException("jvq.transport=" + name + " needs io.jvq:" + artifact
                    + " on the classpath; add it, or choose another jvq.transport");
        }
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, Transports.class.getClassLoader());
    }

    /** Loaded only when Vert.x is chosen and present. */
    private static final class Vertx {
        static JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqVertx.clientBuilder(options);
        }
    }

    /** Loaded only when Tyrus is chosen and present. */
    private static final class Tyrus {
        static JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqTyrus.clientBuilder(options);
        }
    }

    /** Loaded only when the JDK's transport is chosen and present. */
    private static final class Jdk {
        static JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqJdk.clientBuilder(options);
        }
    }
}
