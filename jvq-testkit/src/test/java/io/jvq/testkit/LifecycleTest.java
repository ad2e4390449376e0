package io.jvq.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    @Test
    void closeStopsEveryThreadTheServerStartedAndFreesThePort() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        FakeJvQuant server = FakeJvQuant.start();
        int port = server.port();
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519");
            server.startFeed(codes -> "lv1_600519=x", Duration.ofMillis(10));
            client.nextBinary();
            server.replay(io.jvq.capture.Capture.parse("{\"jvqCapture\":1}\n{\"t\":60000,\"type\":\"text\",\"data\":\"x\"}"),
                    io.jvq.capture.ReplaySpeed.asRecorded());
            assertThat(serverThreadsStartedSince(before)).isNotEmpty();

            server.close();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!serverThreadsStartedSince(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serverThreadsStartedSince(before)).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            }
        }).isInstanceOf(IOException.class);
        assertThat(server.isClosed()).isTrue();
    }

    @Test
    void closeIsIdempotentAndTheTestApiRefusesAfterwards() {
        FakeJvQuant server = FakeJvQuant.start();
        server.close();
        server.close();

        assertThatThrownBy(() -> server.pushText("x")).hasMessage("this FakeJvQuant is closed");
        assertThatThrownBy(() -> server.startFeed(codes -> "", Duration.ofMillis(5))).hasMessage("this FakeJvQuant is closed");
    }

    @Test
    void listensOnAGivenPort() throws IOException {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (FakeJvQuant server = FakeJvQuant.builder().port(free).start()) {
            assertThat(server.port()).isEqualTo(free);
            assertThat(server.discoveryUrl().getPort()).isEqualTo(free);
        }
    }

    @Test
    void failsClearlyWhenThePortIsTaken() {
        try (FakeJvQuant first = FakeJvQuant.start()) {
            assertThatThrownBy(() -> FakeJvQuant.builder().port(first.port()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("listening on 127.0.0.1:" + first.port());
        }
    }

    /** Vert.x threads (event loop, acceptor, checker) and the fake's own feed/replay threads. */
    private static List<String> serverThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("vert.x-") || name.startsWith("vertx-") || name.startsWith("jvq-fake-"))
                .sorted().collect(Collectors.toList());
    }
}
