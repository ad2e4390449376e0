package io.jvq.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs small test classes through the JUnit engine and checks what the extension gave them, and when it closed it. */
class FakeJvQuantExtensionTest {
    static final List<FakeJvQuant> seen = new CopyOnWriteArrayList<>();
    static final List<Boolean> closedDuringTests = new CopyOnWriteArrayList<>();

    @Test
    void givesEachTestItsOwnStartedServerAndClosesItAfterwards() {
        seen.clear();
        closedDuringTests.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerTest.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen).hasSize(4); // two tests, each seen by @BeforeEach and by the test
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat(seen.get(2)).isSameAs(seen.get(3));
        assertThat(seen.get(0)).isNotSameAs(seen.get(2));
        assertThat(closedDuringTests).containsOnly(false);
        assertThat(seen).allMatch(FakeJvQuant::isClosed);
    }

    @Test
    void sharesOneServerAcrossTheClassWhenAskedForInBeforeAll() {
        seen.clear();
        closedDuringTests.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerClass.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen).hasSize(3);
        assertThat(seen).allMatch(server -> server == seen.get(0));
        assertThat(closedDuringTests).containsOnly(false);
        assertThat(seen.get(0).isClosed()).isTrue();
    }

    @Test
    void configuresTheServerFromTheAnnotation() {
        seen.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Configured.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
    }

    @ExtendWith(FakeJvQuantExtension.class)
    static class PerTest {
        @BeforeEach
        void before(FakeJvQuant server) {
            seen.add(server);
        }

        @Test
        void one(FakeJvQuant server) {
            record(server);
        }

        @Test
        void two(FakeJvQuant server) {
            record(server);
        }
    }

    static class PerClass {
        @BeforeAll
        static void before(@FakeServer FakeJvQuant server) {
            seen.add(server);
        }

        @Test
        void one(@FakeServer FakeJvQuant server) {
            record(server);
        }

        @Test
        void two(@FakeServer FakeJvQuant server) {
            record(server);
        }
    }

    static class Configured {
        @Test
        void differentSettingsGetDifferentServers(@FakeServer(token = "alpha", market = "hk", rotatePaths = false)
                                                  FakeJvQuant configured, @FakeServer FakeJvQuant plain) {
            seen.add(configured);
            seen.add(plain);
            assertThat(configured.token()).isEqualTo("alpha");
            assertThat(configured.market()).isEqualTo("hk");
            assertThat(HttpProbe.discover(configured).json().getString("server")).endsWith("/quote");
            assertThat(plain.token()).isEqualTo(FakeJvQuant.DEFAULT_TOKEN);
        }
    }

    private static void record(FakeJvQuant server) {
        seen.add(server);
        closedDuringTests.add(server.isClosed());
        HttpProbe.Reply reply = HttpProbe.discover(server);
        assertThat(reply.json().getString("code")).isEqualTo("0");
    }
}
