package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stats().reconnects()} counts reconnect attempts scheduled, not reconnections. */
class ClientStatsReconnectsTest extends ClientTestSupport {

    @Test
    void anOutageCountsTheLossAndEveryFailedAttemptYetIsOneReconnection() {
        client();
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        socket.onConnect(FakeSocketPort.Upgrade.REFUSE);

        first.fail(new IOException("cut"));
        events.await(ReconnectScheduled.class, 3);
        socket.onConnect(FakeSocketPort.Upgrade.ACCEPT);
        events.await(Connected.class, 2);

        ClientStats stats = client.stats();
        assertThat(stats.reconnects()).as("the loss, then each failed attempt").isGreaterThanOrEqualTo(3)
                .isEqualTo(events.ofType(ReconnectScheduled.class).size());
        assertThat(stats.connections() - 1).as("reconnections").isEqualTo(1);
    }
}
