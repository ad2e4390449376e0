/**
 * Port contract suites: every {@link io.jvq.core.port.SocketPort} and
 * {@link io.jvq.core.port.DiscoveryPort} implementation extends {@link io.jvq.testkit.port.SocketPortContract}
 * and {@link io.jvq.testkit.port.DiscoveryPortContract} and so behaves like every other, against a
 * {@link io.jvq.testkit.port.RawServer} that shapes the bytes on the wire.
 */
package io.jvq.testkit.port;
