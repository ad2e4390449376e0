package io.jvq.cli;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;

/** The socket and discovery adapters of the chosen transport. */
final class Transports {
    private Transports() {
    }

    record Ports(SocketPort socket, DiscoveryPort discovery) {
    }

    static Ports open(TransportKind kind, ClientOptions options) {
        throw new CliFailure(1, "the " + kind + " transport is not wired into the CLI yet");
    }
}
