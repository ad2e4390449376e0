package io.jvq.transport.vertx;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.conformance.TransportConformanceSuite;

/**
 * The shared transport conformance suite on the Vert.x ports. Like {@link JvqVertx#clientBuilder},
 * the two ports of each client share one Vert.x instance of jvq's own, closed with the client.
 */
class VertxConformanceTest extends TransportConformanceSuite {
    private JvqVertx.Ports ports;
    private VertxHandle handle;

    @Override
    protected SocketPort createSocketPort() {
        ports = JvqVertx.ports();
        handle = ports.handle();
        return ports.socketPort(handle);
    }

    @Override
    protected DiscoveryPort createDiscoveryPort() {
        if (handle == null) {
            throw new IllegalStateException("the suite asks for the socket port first");
        }
        DiscoveryPort discovery = ports.discoveryPort(handle);
        handle = null;
        return discovery;
    }
}
