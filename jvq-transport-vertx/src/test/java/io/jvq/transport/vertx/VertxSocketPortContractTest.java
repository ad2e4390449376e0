package io.jvq.transport.vertx;

import io.jvq.core.port.SocketPort;
import io.jvq.testkit.port.SocketPortContract;

/** The Vert.x socket port keeps the contract every socket port keeps. */
class VertxSocketPortContractTest extends SocketPortContract {
    @Override
    protected SocketPort createPort() {
        return VertxSocketPort.builder().build();
    }
}
