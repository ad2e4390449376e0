package io.jvq.testkit.conformance;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;

/** The conformance suite, run on the JDK's own HTTP and WebSocket clients. */
class JdkTransportConformanceTest extends TransportConformanceSuite {

    @Override
    protected SocketPort createSocketPort() {
        return new JdkSocketPort();
    }

    @Override
    protected DiscoveryPort createDiscoveryPort() {
        return new JdkDiscoveryPort();
    }
}
