package io.jvq.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeTest {
    private final FakeJvQuant server = FakeJvQuant.builder().token("secret-2").start();

    @AfterEach
    void close() {
        server.close();
    }

    private URI discovered(String query) {
        String address = HttpProbe.discover(server).json().getString("server");
        return URI.create("ws://" + address + query);
    }

    @Test
    void acceptsTheDiscoveredAddressWithTheToken() {
        try (WsProbe probe = WsProbe.connect(discovered("?token=secret-2"))) {
            server.awaitConnections(1, WsProbe.WAIT);
            assertThat(server.acceptedConnectionCount()).isEqualTo(1);
            assertThat(probe.command("list")).isEqualTo("list:");
        }
    }

    @Test
    void readsTheTokenByNameAndIgnoresOtherParameters() {
        try (WsProbe probe = WsProbe.connect(discovered("?src=pip&token=secret-2&x=1"))) {
            assertThat(probe.command("list")).isEqualTo("list:");
        }
    }

    @Test
    void refusesAWrongOrMissingTokenWith401() {
        assertThat(WsProbe.refusedStatus(discovered("?token=nope"))).isEqualTo(401);
        assertThat(WsProbe.refusedStatus(discovered(""))).isEqualTo(401);
        assertThat(server.refusedUpgradeCount()).isEqualTo(2);
        assertThat(server.acceptedConnectionCount()).isZero();
    }

    @Test
    void aRefusedTokenDoesNotUseUpThePath() {
        URI address = discovered("");
        assertThat(WsProbe.refusedStatus(URI.create(address + "?token=nope"))).isEqualTo(401);

        try (WsProbe probe = WsProbe.connect(URI.create(address + "?token=secret-2"))) {
            assertThat(probe.command("list")).isEqualTo("list:");
        }
    }

    @Test
    void refusesAnUnknownPathWith404() {
        URI unknown = URI.create("ws://127.0.0.1:" + server.port() + "/made-up?token=secret-2");

        assertThat(WsProbe.refusedStatus(unknown)).isEqualTo(404);
    }

    @Test
    void aDiscoveredPathAdmitsOneConnectionSoAClientMustRediscoverBeforeReconnecting() {
        URI address = discovered("?token=secret-2");
        WsProbe.connect(address).close();
        server.awaitConnections(0, WsProbe.WAIT);

        assertThat(WsProbe.refusedStatus(address)).isEqualTo(410);
        try (WsProbe again = WsProbe.connect(discovered("?token=secret-2"))) {
            assertThat(again.command("list")).isEqualTo("list:");
        }
        assertThat(server.discoveryCount()).isEqualTo(2);
    }

    @Test
    void withoutRotationTheSamePathAdmitsEveryConnection() {
        try (FakeJvQuant fixed = FakeJvQuant.builder().rotatePaths(false).start()) {
            URI address = URI.create("ws://" + HttpProbe.discover(fixed).json().getString("server")
                    + "?token=" + fixed.token());
            try (WsProbe first = WsProbe.connect(address); WsProbe second = WsProbe.connect(address)) {
                fixed.awaitConnections(2, WsProbe.WAIT);
                assertThat(first.command("list")).isEqualTo("list:");
                assertThat(second.command("list")).isEqualTo("list:");
            }
        }
    }

    @Test
    void webSocketUrlIssuesAPathWithoutCountingADiscovery() {
        URI url = server.webSocketUrl();

        assertThat(url.toString()).startsWith("ws://127.0.0.1:" + server.port() + "/").doesNotContain("token");
        try (WsProbe probe = WsProbe.connect(URI.create(url + "?token=secret-2"))) {
            assertThat(probe.command("list")).isEqualTo("list:");
        }
        assertThat(server.discoveryCount()).isZero();
        server.awaitConnections(0, Duration.ofSeconds(5));
    }
}
