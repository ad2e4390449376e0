package io.jvq.transport.tyrus;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.conformance.TransportConformanceSuite;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;

/** The shared transport conformance suite, run on this module's two ports. */
class TyrusConformanceTest extends TransportConformanceSuite {

    @Override
    protected SocketPort createSocketPort() {
        return TyrusSocketPort.create();
    }

    @Override
    protected DiscoveryPort createDiscoveryPort() {
        return JdkHttpDiscoveryPort.create();
    }
}
