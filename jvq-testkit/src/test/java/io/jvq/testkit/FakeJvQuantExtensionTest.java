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
    static final List<FakeJvQuant> SEEN = new CopyOnWriteArrayList<>();
    static final List<Boolean> CLOSED_DURING_TESTS = new CopyOnWriteArrayList<>();

    @Test
    void givesEachTestItsOwnStartedServerAndClosesItAfterwards() {
        SEEN.clear();
        CLOSED_DURING_TESTS.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerTest.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(4); // two tests, each seen by @BeforeEach and by the test
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(2)).isSameAs(SEEN.get(3));
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(2));
        assertThat(CLOSED_DURING_TESTS).containsOnly(false);
        assertThat(SEEN).allMatch(FakeJvQuant::isClosed);
    }

    @Test
    void sharesOneServerAcrossTheClassWhenAskedForInBeforeAll() {
        SEEN.clear();
        CLOSED_DURING_TESTS.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerClass.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(3);
        assertThat(SEEN).allMatch(server -> server == SEEN.get(0));
        assertThat(CLOSED_DURING_TESTS).containsOnly(false);
        assertThat(SEEN.get(0).isClosed()).isTrue();
    }

    @Test
    void configuresTheServerFromTheAnnotation() {
        SEEN.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Configured.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    }

    @ExtendWith(FakeJvQuantExtension.class)
    static class PerTest {
        @BeforeEach
        void before(FakeJvQuant server) {
            SEEN.add(server);
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
            SEEN.add(server);
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
            SEEN.add(configured);
            SEEN.add(plain);
            assertThat(configured.token()).isEqualTo("alpha");
            assertThat(configured.market()).isEqualTo("hk");
            assertThat(HttpProbe.discover(configured).json().getString("server")).endsWith("/quote");
            assertThat(plain.token()).isEqualTo(FakeJvQuant.DEFAULT_TOKEN);
        }
    }

    private static void record(FakeJvQuant server) {
        SEEN.add(server);
        CLOSED_DURING_TESTS.add(server.isClosed());
        HttpProbe.Reply reply = HttpProbe.discover(server);
        assertThat(reply.json().getString("code")).isEqualTo("0");
    }
}
