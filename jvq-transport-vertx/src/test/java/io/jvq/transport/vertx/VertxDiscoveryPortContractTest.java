package io.jvq.transport.vertx;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.testkit.port.DiscoveryPortContract;

/** The Vert.x discovery port keeps the contract every discovery port keeps. */
class VertxDiscoveryPortContractTest extends DiscoveryPortContract {
    @Override
    protected DiscoveryPort createPort() {
        return VertxDiscoveryPort.builder().build();
    }
}
