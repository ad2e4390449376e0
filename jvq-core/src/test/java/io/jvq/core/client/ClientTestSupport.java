package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.ConnectionEvent;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Wiring shared by the client tests: fake ports, a recording listener, tiny backoff delays,
 * and a check after every test that the token showed up in no event.
 */
abstract class ClientTestSupport {
    static final String TOKEN = "tok-SECRET-4242";
    static final SubscriptionCode LV2_600519 = SubscriptionCode.lv2("600519");
    static final SubscriptionCode LV1_600519 = SubscriptionCode.lv1("600519");
    static final SubscriptionCode LV2_000001 = SubscriptionCode.lv2("000001");
    static final SubscriptionCode LV1_300750 = SubscriptionCode.lv1("300750");

    final FakeDiscovery discovery = new FakeDiscovery();
    final FakeSocketPort socket = new FakeSocketPort();
    final EventRecorder events = new EventRecorder();
    /** How the client under test hands events to the recorder; tests of the bounded hand-off set it. */
    Dispatch dispatch = Dispatch.direct();
    JvqClient client;
    /** The session's thread and clock: a real thread unless a test asks for {@link #virtualTime()}. */
    private VirtualScheduler clock;

    /** Options with millisecond backoff and no pings or idle checks, unless a test sets them. */
    ClientOptions.Builder options() {
        return ClientOptions.builder(TOKEN)
                .reconnect(new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(4), 2.0, 0.0))
                .pingInterval(Duration.ZERO)
                .idleTimeout(Duration.ZERO);
    }

    /** Runs the client under test on virtual time: its timers fire only when the test advances the clock. */
    VirtualScheduler virtualTime() {
        clock = new VirtualScheduler();
        return clock;
    }

    JvqClient client() {
        return client(options().build());
    }

    JvqClient client(ClientOptions options) {
        JvqClient.Builder builder = JvqClient.builder().options(options).socket(socket).discovery(discovery)
                .listener(events).dispatch(dispatch).random(new SplittableRandom(7));
        client = (clock == null ? builder : builder.scheduler(clock)).build();
        return client;
    }

    /** Starts the client and waits for its {@code n}-th connection to be subscribed. */
    FakeSocketPort.FakeConnection startAndAwaitConnected() {
        client.start();
        FakeSocketPort.FakeConnection connection = socket.awaitConnection(1);
        events.await(ConnectionEvent.Connected.class, 1);
        return connection;
    }

    /** The {@code n}-th connection, once the client has reported it Connected (safe to act on). */
    FakeSocketPort.FakeConnection awaitConnected(int n) {
        events.await(ConnectionEvent.Connected.class, n);
        return socket.awaitConnection(n);
    }

    @AfterEach
    void closeClientAndCheckTheTokenNeverShowed() {
        if (client != null) {
            client.close();
            org.assertj.core.api.Assertions.assertThat(client.toString()).doesNotContain(TOKEN);
        }
        events.assertNothingShows(TOKEN);
    }
}
