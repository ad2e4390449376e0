package io.jvq.transport.jdk;

import io.jvq.core.port.SocketPort;
import io.jvq.testkit.port.SocketPortContract;

/** The JDK socket port keeps the contract every socket port keeps. */
class JdkSocketPortContractTest extends SocketPortContract {
    @Override
    protected SocketPort createPort() {
        return JdkSocketPort.create();
    }
}
