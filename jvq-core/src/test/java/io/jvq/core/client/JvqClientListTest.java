package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code list}: a text frame answers the command it names (verb, codes), else the oldest one that is not a list. */
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
    void aListMadeBeforeTheFirstConnectionWaitsForItAndGoesOutAfterItsAll() {
        client();
        client.subscribe(LV2_600519);

        CompletableFuture<String> reply = client.list();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");
        connection.pushText("lv2_600519");

        assertThat(connection.sent()).containsExactly("all=lv2_600519", "list");
        assertThat(reply).isCompletedWithValue("lv2_600519");
    }

    @Test
    void aListWithNoConnectionWithinItsTimeoutFailsSayingSoAndPointsAtAwaitConnected() {
        VirtualScheduler clock = virtualTime();
        socket.onConnect(FakeSocketPort.Upgrade.REFUSE);
        client();
        client.start();
        clock.idle();

        CompletableFuture<String> reply = client.list(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));

        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("no connection was open within PT3S to send list; wait for one first with"
                        + " awaitConnected(Duration) or connected(), or pass a longer timeout to list(Duration)")
                .hasMessageContaining("; the last attempt: connecting to " + FakeDiscovery.DEFAULT_SERVER + " failed")
                .hasMessageNotContaining(TOKEN);
        socket.onConnect(FakeSocketPort.Upgrade.ACCEPT);
        clock.advance(Duration.ofSeconds(1));
        assertThat(socket.connections().get(socket.connectionCount() - 1).sent())
                .as("a list that gave up is not sent later").containsExactly("all=");
    }

    @Test
    void aListOnAClientNotYetStartedSaysSoWhenItTimesOut() {
        VirtualScheduler clock = virtualTime();
        client();

        CompletableFuture<String> reply = client.list(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(reply::join).hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("(the client was not started: call start())");
    }

    @Test
    void aListMadeBetweenTwoConnectionsGoesOutOnTheNext() {
        VirtualScheduler clock = virtualTime();
        client();
        startAndAwaitConnected().fail(new IOException("cut"));
        clock.idle();
        assertThat(client.isConnected()).isFalse();

        CompletableFuture<String> reply = client.list();
        clock.advance(Duration.ofSeconds(1));
        FakeSocketPort.FakeConnection next = awaitConnected(2);
        next.pushText("reply to all=");
        next.pushText("reply to list");

        assertThat(next.sent()).containsExactly("all=", "list");
        assertThat(reply).isCompletedWithValue("reply to list");
    }

    @Test
    void aWaitingListFailsAtOnceWhenTheClientStopsOnARefusalAndSoDoesALaterOne() {
        CompletableFuture<io.jvq.core.port.DiscoveryReply> answer = new CompletableFuture<>();
        discovery.thenPending(answer);
        client();
        client.start();
        CompletableFuture<String> waiting = client.list();

        answer.complete(new io.jvq.core.port.DiscoveryReply("-1", null, "{\"code\":\"-1\",\"msg\":\"invalid token\"}"));
        events.await(io.jvq.core.event.ConnectionEvent.Refused.class, 1);

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client has stopped: refused (-1)");
        assertThat(client.list()).failsWithin(Duration.ZERO).withThrowableThat()
                .withMessageContaining("the client has stopped: refused (-1)");
    }

    @Test
    void aWaitingListFailsWhenTheClientIsClosed() {
        client();
        CompletableFuture<String> waiting = client.list();

        client.close();

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client was closed before a connection was open to send list");
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

    @Test
    void anUnsolicitedWelcomeShiftsNoLaterPairing() {
        client();
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        CompletableFuture<String> list = client.list();

        connection.pushText("welcome to the quote server");
        assertThat(list).as("a text that lists nothing and names no verb is not a list reply").isNotDone();
        connection.pushText("all ok: lv2_600519");
        connection.pushText("list: lv2_600519");

        assertThat(list).isCompletedWithValue("list: lv2_600519");
        assertThat(events.ofType(ServerText.class)).extracting(ServerText::text)
                .containsExactly("welcome to the quote server", "all ok: lv2_600519", "list: lv2_600519");
    }

    @Test
    void aReplyIsPairedByTheVerbItRepeatsEvenOutOfOrder() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        CompletableFuture<String> list = client.list();
        client.subscribe(LV1_600519);

        connection.pushText("add ok: lv1_600519");
        connection.pushText("list: lv1_600519");
        connection.pushText("all ok");

        assertThat(list).isCompletedWithValue("list: lv1_600519");
    }

    @Test
    void aReplyListingOnlyCodesGoesToTheCommandWithThoseCodesElseToTheList() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("ok");                     // answers all=
        client.subscribe(LV1_300750);
        CompletableFuture<String> list = client.list();

        connection.pushText("lv1_300750 subscribed");  // names add='s code: answers add=, not the list
        assertThat(list).isNotDone();
        connection.pushText("lv1_300750,lv2_600519");

        assertThat(list).isCompletedWithValue("lv1_300750,lv2_600519");
    }

    @Test
    void listTimesOutWhenNoReplyIsPairedWithIt() {
        VirtualScheduler clock = virtualTime();
        client();
        startAndAwaitConnected();

        CompletableFuture<String> list = client.list(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(99));
        assertThat(list).as("99 ms after asking").isNotDone();
        clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(list::join).hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("no reply to list within PT0.1S");
        assertThatThrownBy(() -> client.list(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a list whose caller gave up (timed out or cancelled) ----------------------------------
    // Replies to `list` come in the order the lists were sent, and all look alike. A caller that
    // gave up leaves the waiters at once, but the reply the server still owes it (an orphan) is
    // remembered: the next `list` reply is taken for it, dropped and counted, never handed on. An
    // orphan lapses once its timeout has passed again since its caller gave up (the reply is deemed
    // lost), or when the connection ends.

    @Test
    void aListTheServerNeverAnswersDoesNotPoisonTheLaterOnes() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");

        CompletableFuture<String> lost = client.list(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        assertThatThrownBy(lost::join).hasCauseInstanceOf(TimeoutException.class);
        clock.advance(Duration.ofMillis(100)); // its reply is now deemed lost

        CompletableFuture<String> second = client.list(Duration.ofMillis(100));
        connection.pushText("list: lv2_600519");
        CompletableFuture<String> third = client.list(Duration.ofMillis(100));
        connection.pushText("list: lv1_300750");

        assertThat(second).isCompletedWithValue("list: lv2_600519");
        assertThat(third).isCompletedWithValue("list: lv1_300750");
        assertThat(client.stats().lateReplies()).isZero();
    }

    @Test
    void aReplyThatComesAfterItsListTimedOutIsDroppedAndCountedNotHandedToTheNextList() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");
        CompletableFuture<String> slow = client.list(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        CompletableFuture<String> next = client.list(Duration.ofMillis(100));

        connection.pushText("list: late");
        assertThat(next).as("the late reply answers the list that timed out, not this one").isNotDone();
        connection.pushText("list: on time");

        assertThatThrownBy(slow::join).hasCauseInstanceOf(TimeoutException.class);
        assertThat(next).isCompletedWithValue("list: on time");
        assertThat(client.stats().lateReplies()).isEqualTo(1);
        assertThat(events.ofType(ServerText.class)).extracting(ServerText::text)
                .as("a dropped reply is still a server text").contains("list: late");
    }

    @Test
    void aLateReplyWithNoListWaitingIsCountedToo() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");
        client.list(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(150));

        connection.pushText("list: late");

        assertThat(client.stats().lateReplies()).isEqualTo(1);
    }

    @Test
    void aCancelledListLeavesTheQueueAndItsReplyIsDroppedAndCounted() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");

        CompletableFuture<String> cancelled = client.list(Duration.ofSeconds(1));
        cancelled.cancel(false);
        CompletableFuture<String> next = client.list(Duration.ofSeconds(1));
        connection.pushText("list: for the cancelled one");
        connection.pushText("list: for the next one");

        assertThat(cancelled).isCancelled();
        assertThat(next).isCompletedWithValue("list: for the next one");
        assertThat(client.stats().lateReplies()).isEqualTo(1);

        CompletableFuture<String> unanswered = client.list(Duration.ofSeconds(1));
        unanswered.cancel(false);
        clock.advance(Duration.ofSeconds(1)); // the cancelled list's reply is now deemed lost
        CompletableFuture<String> after = client.list(Duration.ofSeconds(1));
        connection.pushText("list: for the one after");
        assertThat(after).isCompletedWithValue("list: for the one after");
    }

    @Test
    void aListWhoseReplyAnOrphanTookLeavesNoOrphanOfItsOwnSoRetryingAtOnceHeals() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");
        client.list(Duration.ofMillis(100));          // never answered
        clock.advance(Duration.ofMillis(100));

        CompletableFuture<String> retry = client.list(Duration.ofMillis(100));
        connection.pushText("list: a");               // indistinguishable from a late reply: dropped
        clock.advance(Duration.ofMillis(100));
        assertThatThrownBy(retry::join).hasCauseInstanceOf(TimeoutException.class);

        CompletableFuture<String> again = client.list(Duration.ofMillis(100));
        connection.pushText("list: b");

        assertThat(again).as("the retry's reply may be the one taken: it owes nothing").isCompletedWithValue("list: b");
        assertThat(client.stats().lateReplies()).isEqualTo(1);
    }

    @Test
    void aNewConnectionOwesNoRepliesToListsOfTheOldOne() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        first.pushText("all ok");
        client.list(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));

        first.serverClose(1001, "going away");
        clock.advance(Duration.ofMillis(10));
        FakeSocketPort.FakeConnection second = awaitConnected(2);
        second.pushText("all ok");
        CompletableFuture<String> fresh = client.list(Duration.ofMillis(100));
        second.pushText("list: lv2_600519");

        assertThat(fresh).isCompletedWithValue("list: lv2_600519");
        assertThat(client.stats().lateReplies()).isZero();
    }

    @Test
    void listCodesGivesTheCodesTheReplyLists() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushText("all ok");

        CompletableFuture<List<SubscriptionCode>> codes = client.listCodes(Duration.ofSeconds(5));
        connection.pushText("list: lv2_600519,lv1_i000001, LV1_300750");

        assertThat(codes.join()).containsExactly(LV2_600519, SubscriptionCode.parse("lv1_i000001"), LV1_300750);
    }
}
