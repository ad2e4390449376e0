package io.jvq.reliability;

import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;

import java.util.List;
import java.util.function.Consumer;

/**
 * One forced drop of the soak's rotation: how the server ends the connection, and the discovery
 * failures the client meets on its way back (queued before the drop, so they hit the very next
 * discovery calls).
 */
enum Fault {
    CLOSE_1000("close frame 1000", s -> s.closeAll(1000, "normal closure")),
    CLOSE_1001("close frame 1001", s -> s.closeAll(1001, "going away")),
    CLOSE_1011("close frame 1011", s -> s.closeAll(1011, "internal error")),
    CLOSE_4000("close frame 4000", s -> s.closeAll(4000, "maintenance")),
    TCP_CUT("TCP reset", FakeJvQuant::cutAll),
    STALL("stall (no data, no pongs)", FakeJvQuant::stall),
    DISCOVERY_HTTP_500("TCP reset, then discovery HTTP 500", FakeJvQuant::cutAll,
            DiscoveryFault.httpStatus(500)),
    DISCOVERY_REFUSED("close 1001, then discovery code != \"0\"", s -> s.closeAll(1001, "going away"),
            DiscoveryFault.refusal()),
    DISCOVERY_GARBAGE("TCP reset, then discovery garbage JSON", FakeJvQuant::cutAll,
            DiscoveryFault.garbageJson()),
    DISCOVERY_SLOW("close 1000, then discovery slower than discoveryTimeout", s -> s.closeAll(1000, "bye"),
            DiscoveryFault.slowReply(FaultSoakTest.SLOW_DISCOVERY)),
    DISCOVERY_OUTAGE("TCP reset, then four failed discoveries in a row (backoff reaches its max)",
            FakeJvQuant::cutAll, DiscoveryFault.httpStatus(503), DiscoveryFault.refusal(),
            DiscoveryFault.garbageJson(), DiscoveryFault.httpStatus(500));

    final String description;
    // Immutable in fact: method references or stateless lambdas, and a List.of copy.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Consumer<FakeJvQuant> drop;
    @SuppressWarnings("ImmutableEnumChecker")
    final List<DiscoveryFault> discoveryFaults;

    Fault(String description, Consumer<FakeJvQuant> drop, DiscoveryFault... discoveryFaults) {
        this.description = description;
        this.drop = drop;
        this.discoveryFaults = List.of(discoveryFaults);
    }

    /** Queues the discovery failures, then drops the connection. */
    void inject(FakeJvQuant server) {
        for (DiscoveryFault fault : discoveryFaults) {
            server.failNextDiscoveries(1, fault);
        }
        drop.accept(server);
    }

    boolean stalls() {
        return this == STALL;
    }

    /** Fault number {@code i} of the rotation. */
    static Fault rotation(int i) {
        Fault[] all = values();
        return all[i % all.length];
    }
}
