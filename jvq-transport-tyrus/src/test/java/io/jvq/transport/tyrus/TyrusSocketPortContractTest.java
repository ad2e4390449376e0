package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketPort;
import io.jvq.testkit.port.SocketPortContract;

/** The Tyrus socket port keeps the contract every socket port keeps. */
class TyrusSocketPortContractTest extends SocketPortContract {
    @Override
    protected SocketPort createPort() {
        return TyrusSocketPort.create();
    }
}
