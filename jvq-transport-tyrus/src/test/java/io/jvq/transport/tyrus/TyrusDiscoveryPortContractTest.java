package io.jvq.transport.tyrus;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.testkit.port.DiscoveryPortContract;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;

/**
 * The discovery port the Tyrus builders wire ({@link JvqTyrus}, {@link JvqTyrusModule}): core's
 * JDK {@code HttpClient} port, held to the contract every discovery port keeps.
 */
class TyrusDiscoveryPortContractTest extends DiscoveryPortContract {
    @Override
    protected DiscoveryPort createPort() {
        return JdkHttpDiscoveryPort.create();
    }
}
