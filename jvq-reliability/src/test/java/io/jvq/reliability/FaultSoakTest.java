package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.Discovering;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.testkit.ClientCommand;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault soak: one client, many forced drops (close frames with various codes, TCP resets,
 * stalls, failing discoveries), each followed by a fresh discovery (the fake hands out one-use
 * paths) and a resubscription. After every reconnect the server must see {@code all=} with the
 * whole subscription, and every trade pushed after it must reach the listener exactly once.
 * The reconnect delays must follow the policy, discovery must not be hammered, and the client must
 * leave no thread and no heap behind after {@code close()}.
 *
 * <p>Drops per transport: {@code -Djvq.soak.drops=N} (20 by default, 1,000 with {@code -Psoak}).
 */
class FaultSoakTest {
    static final int DROPS = Integer.getInteger("jvq.soak.drops", 20);

    static final Duration PING_INTERVAL = Duration.ofMillis(100);
    static final Duration IDLE_TIMEOUT = Duration.ofMillis(600);
    /** Generous enough for a cold JVM on a busy two-core machine, where a first discovery took over 250 ms. */
    static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(1);
    /** Twice the discovery timeout: the client must give up on it, not wait. */
    static final Duration SLOW_DISCOVERY = Duration.ofSeconds(2);
    static final ReconnectPolicy POLICY = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(160), 2.0, 0.25);

    private static final List<SubscriptionCode> LEVEL2 =
            SubscriptionCode.parseAll("lv2_600519", "lv2_000001", "lv2_300750");
    private static final List<SubscriptionCode> SUBSCRIPTION = Stream.concat(LEVEL2.stream(),
            SubscriptionCode.parseAll("lv1_600519", "lv1_000001").stream()).toList();
    private static final int FRAMES_PER_CONNECTION = 5;
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Heap a closed client may appear to keep: collector noise, class metadata held on heap, the JIT's. */
    private static final long HEAP_TOLERANCE = 16L * 1024 * 1024;

    /** What one soak run measured. */
    record Figures(int drops, int restored, long tradesPushed, long tradesLost, long duplicates,
                   int discoveries, int discoveryFaultsInjected, long maxDelayMillis, int maxAttempt,
                   long staleDetectionMinMillis, long staleDetectionMaxMillis, long reconnectMaxMillis,
                   Map<Fault, Integer> faults, long elapsedMillis) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void survivesForcedDropsRestoringTheSubscriptionAndLosingNoFrame(Transport transport) throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ProcessFootprint before = ProcessFootprint.measure();

            Figures figures = soak(transport, server);

            List<String> threadsLeft = before.awaitThreadsGone(Duration.ofSeconds(10));
            long heapAfter = ProcessFootprint.heapAfterGc();
            long heapGrowth = heapAfter - before.heapBytes();
            System.out.printf("jvq soak [%s]: %d drops survived in %d ms (%s); %d subscriptions restored;"
                            + " %d trades pushed, %d lost, %d duplicated; %d discoveries after the first connection for %d drops"
                            + " + %d injected discovery failures; longest backoff %d ms (policy max %d, attempt %d);"
                            + " stale connection detected %d-%d ms after the stall (idle %d, ping %d);"
                            + " slowest reconnect %d ms; threads %d before, left after close %s;"
                            + " heap %.1f MiB before, %.1f MiB after close (%+.1f MiB)%n",
                    transport, figures.drops(), figures.elapsedMillis(), figures.faults(), figures.restored(),
                    figures.tradesPushed(), figures.tradesLost(), figures.duplicates(), figures.discoveries(),
                    figures.drops(), figures.discoveryFaultsInjected(), figures.maxDelayMillis(),
                    POLICY.maxDelay().toMillis(), figures.maxAttempt(), figures.staleDetectionMinMillis(),
                    figures.staleDetectionMaxMillis(), IDLE_TIMEOUT.toMillis(), PING_INTERVAL.toMillis(),
                    figures.reconnectMaxMillis(), before.threadCount(), threadsLeft,
                    mib(before.heapBytes()), mib(heapAfter), mib(heapGrowth));

            assertThat(figures.restored()).as("subscriptions restored, one per connection").isEqualTo(DROPS + 1);
            assertThat(figures.tradesLost()).as("trades pushed after a resubscription and never delivered").isZero();
            assertThat(figures.duplicates()).as("trades delivered more than once").isZero();
            assertThat(figures.discoveries()).as("discovery calls after the first connection: one per drop plus one"
                    + " per injected failure").isLessThanOrEqualTo(DROPS + figures.discoveryFaultsInjected());
            assertThat(threadsLeft).as("threads the client started and left running after close()").isEmpty();
            assertThat(heapGrowth).as("heap kept after close() (bytes)").isLessThan(HEAP_TOLERANCE);
        }
    }

    /** Drives one client through {@link #DROPS} drops; everything it allocates is unreachable on return. */
    private static Figures soak(Transport transport, FakeJvQuant server) throws Exception {
        DeliveryLedger events = new DeliveryLedger();
        TradeTape tape = new TradeTape(LEVEL2, 2, 1);
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        List<Long> staleDetections = new ArrayList<>();
        int injectedDiscoveryFaults = 0;
        int restored = 0;
        int discoveries;
        long started = System.nanoTime();
        JvqClient client = transport.clientBuilder(options(server)).listener(events).build();
        try {
            client.subscribe(SUBSCRIPTION);
            client.start();
            int lastConnection = 0;
            Fault previous = null;
            long stalledAt = 0;
            int discoveriesBeforeSoak = 0;
            for (int drop = 0; ; drop++) {
                List<DeliveryLedger.Stamped> reconnect = events.takeUntil(Connected.class, WAIT);
                if (drop == 0) {
                    discoveriesBeforeSoak = server.discoveryCount();
                }
                if (previous != null && previous.stalls()) {
                    long detected = reconnect.stream().filter(s -> s.event() instanceof Disconnected)
                            .findFirst().orElseThrow().nanos();
                    staleDetections.add(TimeUnit.NANOSECONDS.toMillis(detected - stalledAt));
                    // The stalled connection reads again, sees that the client left, and closes.
                    server.resume();
                    server.awaitConnections(1, WAIT);
                }

                ClientCommand resubscription = server.takeCommand(WAIT);
                assertThat(resubscription.connectionId()).as("the resubscription comes on a new connection")
                        .isGreaterThan(lastConnection);
                assertThat(resubscription.text()).startsWith("all=");
                assertThat(SubscriptionCode.parseAll(Arrays.asList(resubscription.text().substring(4).split(","))))
                        .as("codes in %s after %s", resubscription, previous)
                        .containsExactlyInAnyOrderElementsOf(SUBSCRIPTION);
                lastConnection = resubscription.connectionId();
                restored++;

                for (int f = 0; f < FRAMES_PER_CONNECTION; f++) {
                    assertThat(server.pushQuotes(tape.nextFrame())).as("connections sent the frame").isEqualTo(1);
                }
                long pushed = tape.nextId() - 1;
                assertThat(DeliveryLedger.awaitCount(events::trades, pushed, WAIT))
                        .as("all %d trades pushed so far delivered (delivered: %d) after %s", pushed, events.trades(),
                                previous)
                        .isTrue();
                if (drop == DROPS) {
                    break;
                }

                Fault fault = Fault.rotation(drop);
                faults.merge(fault, 1, Integer::sum);
                injectedDiscoveryFaults += fault.discoveryFaults.size();
                stalledAt = System.nanoTime();
                fault.inject(server);
                previous = fault;
            }
            assertThat(server.drainCommands()).as("commands besides the resubscriptions").isEmpty();
            discoveries = server.discoveryCount() - discoveriesBeforeSoak;
        } finally {
            client.close();
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(events.listenerFailures()).isEmpty();
        assertThat(events.decodeErrors()).isEmpty();

        long pushed = tape.nextId() - 1;
        long lost = 0;
        long duplicates = 0;
        for (long id = 1; id <= pushed; id++) {
            long times = events.timesDelivered(id);
            lost += times == 0 ? 1 : 0;
            duplicates += Math.max(0, times - 1);
        }
        assertThat(events.distinctTrades()).as("trade ids delivered that were never pushed").isEqualTo((int) (pushed - lost));

        PolicyCheck policy = PolicyCheck.of(events.connectionEvents());
        return new Figures(DROPS, restored, pushed, lost, duplicates, discoveries, injectedDiscoveryFaults,
                policy.maxDelayMillis, policy.maxAttempt,
                staleDetections.stream().mapToLong(Long::longValue).min().orElse(-1),
                staleDetections.stream().mapToLong(Long::longValue).max().orElse(-1),
                policy.slowestReconnectMillis, faults, elapsed);
    }

    /**
     * Walks the connection events and checks the backoff: the attempt counter starts over at 1
     * after every good connection and grows by one per failure; each delay lies in the policy's
     * band for its attempt ({@code [ceiling × (1 − jitter), ceiling]}) and never above the maximum.
     */
    private static final class PolicyCheck {
        long maxDelayMillis;
        int maxAttempt;
        long slowestReconnectMillis;

        static PolicyCheck of(List<DeliveryLedger.Stamped> stamped) {
            PolicyCheck check = new PolicyCheck();
            int expectedAttempt = 1;
            long droppedAt = -1;
            for (DeliveryLedger.Stamped s : stamped) {
                ConnectionEvent event = s.event();
                if (event instanceof ReconnectScheduled scheduled) {
                    assertThat(scheduled.attempt()).as("attempt of %s", scheduled).isEqualTo(expectedAttempt);
                    long ceiling = POLICY.ceilingMillis(scheduled.attempt());
                    assertThat(scheduled.delayMillis()).as("delay of %s", scheduled)
                            .isLessThanOrEqualTo(POLICY.maxDelay().toMillis())
                            .isLessThanOrEqualTo(ceiling)
                            .isGreaterThanOrEqualTo(ceiling - (long) (ceiling * POLICY.jitter()));
                    check.maxDelayMillis = Math.max(check.maxDelayMillis, scheduled.delayMillis());
                    check.maxAttempt = Math.max(check.maxAttempt, scheduled.attempt());
                    expectedAttempt++;
                } else if (event instanceof Discovering discovering) {
                    assertThat(discovering.attempt()).as("attempt of %s", discovering).isEqualTo(expectedAttempt - 1);
                } else if (event instanceof Disconnected && droppedAt < 0) {
                    droppedAt = s.nanos();
                } else if (event instanceof Connected) {
                    if (droppedAt >= 0) {
                        check.slowestReconnectMillis = Math.max(check.slowestReconnectMillis,
                                TimeUnit.NANOSECONDS.toMillis(s.nanos() - droppedAt));
                    }
                    droppedAt = -1;
                    expectedAttempt = 1;
                }
            }
            return check;
        }
    }

    static ClientOptions options(FakeJvQuant server) {
        return server.clientOptions()
                .reconnect(POLICY)
                .pingInterval(PING_INTERVAL)
                .idleTimeout(IDLE_TIMEOUT)
                .discoveryTimeout(DISCOVERY_TIMEOUT)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
