package io.jvq.reliability;

import io.jvq.transport.jdk.JvqJdk;
import io.jvq.transport.tyrus.JvqTyrus;
import io.jvq.transport.vertx.JvqVertx;

import java.util.List;

/** The transports every reliability test runs against. */
final class Transports {
    private Transports() {
    }

    static final Transport VERTX = new Transport("vertx", JvqVertx::clientBuilder);
    static final Transport TYRUS = new Transport("tyrus", JvqTyrus::clientBuilder);
    static final Transport JDK = new Transport("jdk", JvqJdk::clientBuilder);

    /** For {@code @MethodSource("io.jvq.reliability.Transports#all")}. */
    static List<Transport> all() {
        return List.of(VERTX, TYRUS, JDK);
    }
}
