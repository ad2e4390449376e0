package io.jvq.core.client;

import io.jvq.core.Command;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The {@code list} requests: each one sent on the open connection or queued in {@link ConnectionWaiters}
 * for the next, timed on the session's clock, and let go of when its caller gives up: one still
 * queued leaves the queue; one already sent stays owed its reply ({@link ReplyQueue}'s orphan) for
 * its timeout again, then is forgotten. Also hands each reply to its request, or counts it late.
 * Guarded by the session's lock; replies are completed outside it.
 */
final class ListRequests {
    /** Under the session's lock: sends {@code command} on the live {@code link}; a failed send ends it. */
    interface Sender {
        void send(Link link, Command command, @Nullable CompletableFuture<String> reply);
    }

    /** A {@code list} and, once sent, the link it went out on. */
    static final class PendingList {
        final CompletableFuture<String> reply = new CompletableFuture<>();
        final Duration timeout;
        /** Guarded by the session's lock; null while it waits for a connection. */
        @Nullable Link sentOn;

        PendingList(Duration timeout) {
            this.timeout = timeout;
        }
    }

    private final Object lock;
    private final SessionScheduler scheduler;
    private final ConnectionWaiters waiters;
    private final StatsCounters stats;
    private final Sender sender;
    /** Under the lock: whether the client has not been started, for a timed-out list's message. */
    private final BooleanSupplier notStarted;

    ListRequests(Object lock, SessionScheduler scheduler, ConnectionWaiters waiters, StatsCounters stats,
                 Sender sender, BooleanSupplier notStarted) {
        this.lock = lock;
        this.scheduler = scheduler;
        this.waiters = waiters;
        this.stats = stats;
        this.sender = sender;
        this.notStarted = notStarted;
    }

    /** Under the lock: a new {@code list}, sent on {@code open}, or queued for the next connection when null. */
    CompletableFuture<String> request(Duration timeout, @Nullable Link open) {
        PendingList list = new PendingList(timeout);
        if (open != null) {
            send(open, list);
        } else {
            waiters.queue(list);
        }
        // On the session's clock, not orTimeout's: tests drive it on virtual time.
        SessionScheduler.Cancellable timer = scheduler.schedule(() -> timedOut(list), timeout);
        list.reply.whenComplete((text, error) -> {
            timer.cancel();
            if (error instanceof TimeoutException || error instanceof CancellationException) {
                gaveUp(list);
            }
        });
        return list.reply;
    }

    /** Under the lock: a connection has opened; the lists that waited for one, and still wait, go out on it. */
    void sendWaiting(Link link) {
        for (PendingList list : waiters.take()) {
            if (!list.reply.isDone()) {
                send(link, list);
            }
        }
    }

    /** Outside the lock: the server text answered {@code answered} (null: nothing). */
    void replied(ReplyQueue.@Nullable Pending answered, String text) {
        CompletableFuture<String> reply = answered == null ? null : answered.reply();
        if (reply != null && !reply.complete(text)) {
            stats.lateReplies.increment(); // its caller gave up: dropped, handed to no one
        }
    }

    private void send(Link link, PendingList list) {
        list.sentOn = link;
        sender.send(link, Command.list(), list.reply);
    }

    /** Scheduler thread: the list's time is up; says whether it waited for a reply or for a connection. */
    private void timedOut(PendingList list) {
        String why;
        synchronized (lock) {
            if (list.sentOn != null) {
                why = "no reply to list within " + list.timeout;
            } else {
                why = "no connection was open within " + list.timeout + " to send list"
                        + (notStarted.getAsBoolean() ? " (the client was not started: call start())" : "")
                        + "; wait for one first with awaitConnected(Duration) or connected(), or pass a longer"
                        + " timeout to list(Duration)" + waiters.lastFailureText();
            }
        }
        list.reply.completeExceptionally(new TimeoutException(why));
    }

    /** The caller gave up on {@code list} (timed out or cancelled). */
    private void gaveUp(PendingList list) {
        Link link;
        synchronized (lock) {
            link = list.sentOn;
            if (link == null) {
                waiters.remove(list);
                return;
            }
        }
        forgetOrphanLater(link, list.reply, list.timeout);
    }

    /** A list whose caller gave up stays owed its reply (ReplyQueue's orphan) for its timeout again, then no more. */
    private void forgetOrphanLater(Link link, CompletableFuture<String> reply, Duration timeout) {
        scheduler.schedule(() -> {
            synchronized (lock) {
                link.replies.forget(reply);
            }
        }, timeout);
    }
}
