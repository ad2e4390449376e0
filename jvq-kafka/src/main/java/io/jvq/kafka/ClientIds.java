package io.jvq.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kafka {@code client.id}s for the bridge's producers and the source's consumers: a stable prefix
 * (the role and the host, so quotas, broker logs and metrics group them) and a suffix unique per
 * instance (the process id and a counter), since two clients of one id in one JVM clash in JMX and
 * in the broker's view of who is connected. Used only when the user set no {@code client.id}.
 */
final class ClientIds {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String HOST = host();

    private ClientIds() {
    }

    /** {@code <role>-<host>-<pid>-<n>}, e.g. {@code jvq-bridge-trader7-4242-1}. */
    static String next(String role) {
        return role + "-" + HOST + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    }

    /** The local host name, reduced to what a client id may hold (letters, digits, '.', '_', '-'). */
    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException unknown) {
            name = "localhost";
        }
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
