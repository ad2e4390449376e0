package io.jvq.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscoveryTest {
    private final FakeJvQuant server = FakeJvQuant.builder().token("secret-1").start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void answersWithTheServerAddressOnItsOwnPort() {
        HttpProbe.Reply reply = HttpProbe.discover(server);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("code")).isEqualTo("0");
        assertThat(reply.json().getString("server")).matches("127\\.0\\.0\\.1:" + server.port() + "/[a-z0-9-]+");
        assertThat(server.discoveryCount()).isEqualTo(1);
        assertThat(server.discoveryUrl()).hasToString("http://127.0.0.1:" + server.port() + "/server");
    }

    @Test
    void handsOutANewPathOnEveryCallWhenRotating() {
        String first = HttpProbe.discover(server).json().getString("server");
        String second = HttpProbe.discover(server).json().getString("server");

        assertThat(first).isNotEqualTo(second);
        assertThat(server.discoveryCount()).isEqualTo(2);
    }

    @Test
    void handsOutOneFixedPathWithoutRotation() {
        try (FakeJvQuant fixed = FakeJvQuant.builder().rotatePaths(false).start()) {
            String first = HttpProbe.discover(fixed).json().getString("server");
            String second = HttpProbe.discover(fixed).json().getString("server");

            assertThat(first).isEqualTo(second).endsWith("/quote");
        }
    }

    @Test
    void canAdvertiseTheAddressWithAScheme() {
        try (FakeJvQuant withScheme = FakeJvQuant.builder().advertiseScheme(true).start()) {
            assertThat(HttpProbe.discover(withScheme).json().getString("server"))
                    .startsWith("ws://127.0.0.1:" + withScheme.port() + "/");
        }
    }

    @Test
    void refusesAWrongTokenWithCode1AndAMessageButHttp200() {
        HttpProbe.Reply reply = HttpProbe.get(HttpProbe.discovery(server, "ab", "websocket", "wrong"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("code")).isEqualTo(DiscoveryCodes.BAD_TOKEN);
        assertThat(reply.json().getString("message")).isEqualTo("invalid token");
        assertThat(reply.json().containsKey("server")).isFalse();
        assertThat(reply.body()).doesNotContain("wrong");
    }

    @Test
    void refusesAMissingToken() {
        HttpProbe.Reply reply = HttpProbe.get(URI.create(server.discoveryUrl() + "?market=ab&type=websocket"));

        assertThat(reply.json().getString("code")).isEqualTo(DiscoveryCodes.BAD_TOKEN);
        assertThat(reply.json().getString("message")).isEqualTo("token is missing");
    }

    @Test
    void refusesAnotherMarketAndAnotherType() {
        HttpProbe.Reply market = HttpProbe.get(HttpProbe.discovery(server, "hk", "websocket", "secret-1"));
        HttpProbe.Reply type = HttpProbe.get(HttpProbe.discovery(server, "ab", "http", "secret-1"));

        assertThat(market.json().getString("code")).isEqualTo(DiscoveryCodes.BAD_MARKET);
        assertThat(market.json().getString("message")).contains("'hk'").contains("'ab'");
        assertThat(type.json().getString("code")).isEqualTo(DiscoveryCodes.BAD_TYPE);
        assertThat(type.json().getString("message")).contains("'http'");
    }

    @Test
    void refusesTheNextCallsWhenTold() {
        server.refuseNextDiscoveries(2);

        assertThat(HttpProbe.discover(server).json().getString("code")).isEqualTo(DiscoveryCodes.REFUSED);
        assertThat(HttpProbe.discover(server).json().getString("message")).isEqualTo("refused by the test script");
        assertThat(HttpProbe.discover(server).json().getString("code")).isEqualTo("0");
        assertThat(server.discoveryCount()).isEqualTo(3);
    }

    @Test
    void failsTheNextCallsWithScriptedFaultsInOrder() {
        server.failNextDiscoveries(1, DiscoveryFault.httpStatus(500));
        server.failNextDiscoveries(1, DiscoveryFault.garbageJson());

        HttpProbe.Reply http500 = HttpProbe.discover(server);
        HttpProbe.Reply garbage = HttpProbe.discover(server);
        HttpProbe.Reply good = HttpProbe.discover(server);

        assertThat(http500.status()).isEqualTo(500);
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(garbage.body()).isEqualTo("{\"code\":\"0\",\"server\":");
        assertThatThrownBy(garbage::json).isInstanceOf(io.vertx.core.json.DecodeException.class);
        assertThat(good.json().getString("code")).isEqualTo("0");
    }

    @Test
    void aSlowReplyTripsAShortClientTimeoutAndStillAnswersAPatientOne() {
        server.failNextDiscoveries(2, DiscoveryFault.slowReply(Duration.ofMillis(800)));

        assertThatThrownBy(() -> HttpProbe.get(HttpProbe.discovery(server, "ab", "websocket", "secret-1"),
                Duration.ofMillis(100))).hasCauseInstanceOf(HttpTimeoutException.class);
        HttpProbe.Reply patient = HttpProbe.get(HttpProbe.discovery(server, "ab", "websocket", "secret-1"),
                Duration.ofSeconds(5));

        assertThat(patient.json().getString("code")).isEqualTo("0");
        assertThat(server.discoveryCount()).isEqualTo(2);
    }

    @Test
    void rejectsNonsenseFaultsClearly() {
        assertThatThrownBy(() -> DiscoveryFault.httpStatus(200)).hasMessageContaining("200");
        assertThatThrownBy(() -> server.failNextDiscoveries(-1, DiscoveryFault.garbageJson()))
                .hasMessageContaining("-1");
    }

    @Test
    void answers404ElsewhereWithoutCountingADiscovery() {
        HttpProbe.Reply reply = HttpProbe.get(URI.create("http://127.0.0.1:" + server.port() + "/query/other"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("GET /server");
        assertThat(server.discoveryCount()).isZero();
    }

    @Test
    void awaitsDiscoveriesAndReportsTimeoutsClearly() {
        HttpProbe.discover(server);

        server.awaitDiscoveries(1, Duration.ofSeconds(1));
        assertThatThrownBy(() -> server.awaitDiscoveries(2, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("2 discovery request(s)")
                .hasMessageContaining("received so far: 1");
    }
}
