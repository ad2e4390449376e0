package io.jvq.testkit.port;

import io.jvq.core.http.JdkHttpDiscoveryPort;
import io.jvq.core.port.DiscoveryPort;

/** The JDK {@code HttpClient} discovery port (core's own, used by the Tyrus transport) keeps the contract. */
class JdkHttpDiscoveryPortContractTest extends DiscoveryPortContract {
    @Override
    protected DiscoveryPort createPort() {
        return JdkHttpDiscoveryPort.create();
    }
}
