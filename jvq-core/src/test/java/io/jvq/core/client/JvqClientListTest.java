package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code list}: each text frame answers the oldest unanswered command. */
class JvqClientListTest extends ClientTestSupport {

    @Test
    void listCompletesWithTheServersReplyToIt() {
        client();
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        CompletableFuture<String> reply = client.list();
        connection.pushText("all ok");
        assertThat(reply).isNotDone();
        connection.pushText("lv2_600519");

        assertThat(connection.sent()).containsExactly("all=lv2_600519", "list");
        assertThat(reply).isCompletedWithValue("lv2_600519");
        assertThat(events.ofType(ServerText.class))
                .containsExactly(new ServerText("all ok"), new ServerText("lv2_600519"));
    }

    @Test
    void repliesAreMatchedToCommandsInTheOrderTheyWereSent() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        CompletableFuture<String> firstList = client.list();
        client.subscribe(LV1_600519);
        CompletableFuture<String> secondList = client.list();

        connection.pushText("reply to all=");
        connection.pushText("reply to first list");
        connection.pushText("reply to add=");
        assertThat(secondList).isNotDone();
        connection.pushText("reply to second list");

        assertThat(connection.sent()).containsExactly("all=", "list", "add=lv1_600519", "list");
        assertThat(firstList).isCompletedWithValue("reply to first list");
        assertThat(secondList).isCompletedWithValue("reply to second list");
    }

    @Test
    void listFailsAtOnceWhenNotConnected() {
        client();

        CompletableFuture<String> reply = client.list();

        assertThat(reply).isCompletedExceptionally();
        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("not connected");
    }

    @Test
    void aPendingListFailsWhenTheConnectionEndsAndTheNextConnectionStartsAfresh() {
        client();
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        CompletableFuture<String> pending = client.list();

        first.fail(new IOException("cut"));

        assertThatThrownBy(pending::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connection ended before the server replied")
                .hasMessageNotContaining(TOKEN);
        FakeSocketPort.FakeConnection second = socket.awaitConnection(2);
        events.await(Connected.class, 2);
        CompletableFuture<String> fresh = client.list();
        second.pushText("reply to all=");
        second.pushText("reply to list");
        assertThat(fresh).isCompletedWithValue("reply to list");
    }

    @Test
    void aPendingListFailsWhenTheClientClosesAndListThrowsAfterwards() {
        client();
        startAndAwaitConnected();
        CompletableFuture<String> pending = client.list();

        client.close();

        assertThatThrownBy(pending::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(client::list).isInstanceOf(IllegalStateException.class)
                .hasMessage("client is closed");
    }

    @Test
    void aTextFrameWithNothingPendingIsStillDelivered() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("reply to all=");

        connection.pushText("unsolicited notice");

        assertThat(events.ofType(ServerText.class)).extracting(ServerText::text)
                .containsExactly("reply to all=", "unsolicited notice");
    }
}
