package io.jvq.transport.jdk;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.conformance.TransportConformanceSuite;

/** The shared transport conformance suite, run on this module's two ports. */
class JdkConformanceTest extends TransportConformanceSuite {

    @Override
    protected SocketPort createSocketPort() {
        return JdkSocketPort.create();
    }

    @Override
    protected DiscoveryPort createDiscoveryPort() {
        return JdkHttpDiscoveryPort.create();
    }
}
