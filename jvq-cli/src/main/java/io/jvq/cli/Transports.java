package io.jvq.cli;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;
import io.jvq.transport.jdk.JdkSocketPort;
import io.jvq.transport.tyrus.TyrusSocketPort;
import io.jvq.transport.vertx.VertxDiscoveryPort;
import io.jvq.transport.vertx.VertxSocketPort;

/**
 * The socket and discovery adapters of the chosen transport. The CLI builds the ports itself
 * (rather than taking a ready client builder) so that it can tap every frame, for counting and
 * recording, and watch the discovery replies. Each port owns what it starts and releases it on
 * close, which the client does when it is closed.
 */
final class Transports {
    private Transports() {
    }

    record Ports(SocketPort socket, DiscoveryPort discovery) {
    }

    static Ports open(TransportKind kind) {
        return switch (kind) {
            case TYRUS -> new Ports(TyrusSocketPort.create(), JdkHttpDiscoveryPort.create());
            case JDK -> new Ports(JdkSocketPort.create(), JdkHttpDiscoveryPort.create());
            case VERTX -> new Ports(VertxSocketPort.builder().build(), VertxDiscoveryPort.builder().build());
        };
    }
}
