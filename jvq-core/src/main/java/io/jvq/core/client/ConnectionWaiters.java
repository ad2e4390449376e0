package io.jvq.core.client;

import io.jvq.core.Token;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The callers waiting for a connection: {@link JvqClient#connected()}'s future and the {@code list}s
 * made while none was open (sent when the next one opens), and why the last attempt failed, which
 * is what they are told when they time out, or the client stops or closes first.
 * Guarded by the session's lock; the futures are completed outside it, so that what waits on them
 * may call the client at once.
 */
final class ConnectionWaiters {
    private final Token token;
    private final List<ListRequests.PendingList> lists = new ArrayList<>();
    /** Why the last attempt failed (token-free), for awaitConnected's message; null before any. Volatile: read without the lock. */
    private volatile @Nullable String lastFailure;
    /** Completed with the server on the first Connected; failed when the client stops or closes first. */
    private final CompletableFuture<String> firstConnection = new CompletableFuture<>();

    ConnectionWaiters(Token token) {
        this.token = token;
    }

    /** A future of the first connection's server; see {@link JvqClient#connected()}. */
    CompletableFuture<String> connected() {
        return firstConnection.copy();
    }

    /** Under the lock: the last attempt failed, saying why. */
    void attemptFailed(String why) {
        lastFailure = why;
    }

    /** Why the last attempt failed, as {@code "; the last attempt: …"}, or nothing. */
    String lastFailureText() {
        String last = lastFailure;
        return last == null ? "" : "; the last attempt: " + token.redact(last);
    }

    String stoppedText() {
        String last = lastFailure;
        return "the client has stopped: " + (last == null ? "the server refused it" : last)
                + " (a refusal retrying cannot heal; see ConnectionEvent.Refused)";
    }

    /** Under the lock: {@code list} waits for the next connection. */
    void queue(ListRequests.PendingList list) {
        lists.add(list);
    }

    /** Under the lock: {@code list}'s caller gave up before a connection opened. */
    void remove(ListRequests.PendingList list) {
        lists.remove(list);
    }

    /** Under the lock: the lists still waiting for a connection, taken (to send, or to fail). */
    List<ListRequests.PendingList> take() {
        List<ListRequests.PendingList> taken = new ArrayList<>(lists);
        lists.clear();
        return taken;
    }

    /** Outside the lock, after the listener has heard Connected (with direct dispatch). */
    void opened(String server) {
        firstConnection.complete(server);
    }

    /** Outside the lock: the client stopped on a refusal; what waited for a connection fails, saying why. */
    void stopped(List<ListRequests.PendingList> waiting) {
        String why = stoppedText();
        fail(waiting, why);
        firstConnection.completeExceptionally(new IllegalStateException(why));
    }

    /** Outside the lock: the client closed before a connection opened for them. */
    void closed(List<ListRequests.PendingList> waiting) {
        fail(waiting, "the client was closed before a connection was open to send list");
        firstConnection.completeExceptionally(new IllegalStateException("the client was closed before it connected"
                + lastFailureText()));
    }

    private static void fail(List<ListRequests.PendingList> waiting, String why) {
        for (ListRequests.PendingList list : waiting) {
            list.reply.completeExceptionally(new IllegalStateException(why));
        }
    }
}
