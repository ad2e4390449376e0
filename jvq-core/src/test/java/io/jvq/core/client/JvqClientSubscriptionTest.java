package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Connecting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription set, the commands that keep the server in step with it, and its restoration. */
class JvqClientSubscriptionTest extends ClientTestSupport {

    @Test
    void codesSubscribedBeforeStartGoOutInTheFirstAllCommandDeDuplicated() {
        client();
        client.subscribe(LV2_600519, LV1_600519, LV2_600519);

        assertThat(startAndAwaitConnected().sent()).containsExactly("all=lv2_600519,lv1_600519");
        assertThat(client.subscriptions()).containsExactly(LV2_600519, LV1_600519);
    }

    @Test
    void subscribeSendsAddForTheNewCodesOnly() {
        client();
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        client.subscribe(LV2_600519, LV1_600519, LV2_000001);
        client.subscribe(LV1_600519);
        client.subscribe(List.of());
        client.subscribe(LV1_300750);

        assertThat(connection.sent()).containsExactly(
                "all=lv2_600519", "add=lv1_600519,lv2_000001", "add=lv1_300750");
    }

    @Test
    void unsubscribeSendsDelForTheSubscribedCodesOnly() {
        client();
        client.subscribe(LV2_600519, LV1_600519);
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        client.unsubscribe(LV1_300750, LV1_600519);
        client.unsubscribe(LV1_300750);
        client.unsubscribe(LV2_600519);

        assertThat(connection.sent()).containsExactly(
                "all=lv2_600519,lv1_600519", "del=lv1_600519", "del=lv2_600519");
        assertThat(client.subscriptions()).isEmpty();
    }

    @Test
    void replaceAllSendsAllWhenTheSetChanges() {
        client();
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        client.replaceAll(List.of(LV1_300750, LV2_000001));
        client.replaceAll(List.of(LV2_000001, LV1_300750));
        client.replaceAll(List.of());

        assertThat(connection.sent()).containsExactly("all=lv2_600519", "all=lv1_300750,lv2_000001", "all=");
        assertThat(client.subscriptions()).isEmpty();
    }

    @Test
    void nothingIsSentWhileDisconnectedAndTheNextConnectionGetsTheWholeSetWithAll() {
        client();
        client.subscribe(LV2_600519, LV1_600519);
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);

        first.fail(new IOException("cut"));
        FakeSocketPort.FakeConnection second = socket.awaitConnection(2);
        client.subscribe(LV1_300750);
        client.unsubscribe(LV2_600519);
        client.replaceAll(List.of(LV1_600519, LV1_300750, LV2_000001));
        second.accept();

        events.await(Connected.class, 2);
        assertThat(first.sent()).containsExactly("all=lv2_600519,lv1_600519");
        assertThat(second.sent()).containsExactly("all=lv1_600519,lv1_300750,lv2_000001");
    }

    @Test
    void noChangeIsLostWhileAConnectionIsBeingEstablished() throws Exception {
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        client();
        client.start();
        FakeSocketPort.FakeConnection connection = socket.awaitConnection(1);
        events.await(Connecting.class, 1);
        List<SubscriptionCode> codes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            codes.add(SubscriptionCode.lv2(String.format("%06d", 600000 + i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        Thread subscriber = new Thread(() -> {
            awaitQuietly(go);
            codes.forEach(code -> client.subscribe(code));
        }, "test-subscriber");
        subscriber.start();

        go.countDown();
        connection.accept();
        subscriber.join(TimeUnit.SECONDS.toMillis(5));

        List<String> sent = connection.sent();
        assertThat(sent.get(0)).startsWith("all=");
        assertThat(sent.subList(1, sent.size())).allMatch(command -> command.startsWith("add="));
        List<String> wired = new ArrayList<>();
        for (String command : sent) {
            String list = command.substring(4);
            if (!list.isEmpty()) {
                wired.addAll(Arrays.asList(list.split(",")));
            }
        }
        assertThat(wired).doesNotHaveDuplicates();
        Set<String> expected = new HashSet<>();
        codes.forEach(code -> expected.add(code.wire()));
        assertThat(new HashSet<>(wired)).isEqualTo(expected);
    }

    @Test
    void subscriptionsIsAnInsertionOrderedSnapshot() {
        client();
        client.subscribe(LV1_300750, LV2_600519);

        var snapshot = client.subscriptions();
        client.subscribe(LV1_600519);

        assertThat(snapshot).containsExactly(LV1_300750, LV2_600519);
        assertThat(client.subscriptions()).containsExactly(LV1_300750, LV2_600519, LV1_600519);
        assertThatThrownBy(() -> snapshot.add(LV2_000001)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullCodeIsRejectedNamingItsPositionAndChangesNothing() {
        client();
        List<SubscriptionCode> withNull = Arrays.asList(LV1_600519, null);

        assertThatThrownBy(() -> client.subscribe(withNull))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("index 1");
        assertThat(client.subscriptions()).isEmpty();
    }

    @Test
    void aNullCodePassedAsAnArgumentIsRejectedNamingItsPosition() {
        client();

        assertThatThrownBy(() -> client.subscribe(LV1_600519, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> client.unsubscribe(null, LV1_600519))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("index 0");
        assertThat(client.subscriptions()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
