package io.jvq.transport.jdk;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.testkit.port.DiscoveryPortContract;

/** The JDK {@code HttpClient} discovery port keeps the contract every discovery port keeps. */
class JdkDiscoveryPortContractTest extends DiscoveryPortContract {
    @Override
    protected DiscoveryPort createPort() {
        return JdkHttpDiscoveryPort.create();
    }
}
