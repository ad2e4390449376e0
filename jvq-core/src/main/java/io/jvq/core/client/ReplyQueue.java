package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The commands sent on one connection that the server has not answered yet, oldest first, and
 * the rule that pairs a server text with the command it answers, by meaning rather than by
 * arrival order (jvQuant documents no reply format, and a server may send texts of its own):
 * <ol>
 *   <li>a text that names command verbs answers the oldest waiting command with one of them,
 *       preferring one whose codes it lists; with none waiting, it is unsolicited;</li>
 *   <li>a text that names no verb but lists codes answers the oldest command whose codes it
 *       lists, else the oldest {@code list};</li>
 *   <li>a text with neither (a bare {@code ok}, a welcome line) answers the oldest waiting
 *       command other than {@code list}, or nothing: a {@code list} reply lists codes or says
 *       {@code list}, so a stray text is never taken for one.</li>
 * </ol>
 * A text that answers nothing is delivered as an unpaired server text and shifts no later pairing.
 *
 * <p>A {@code list} whose caller gave up (its future timed out or was cancelled) leaves the waiters
 * at once, but stays queued as an <em>orphan</em>: the server still owes it a reply, and {@code list}
 * replies all look alike, so the next one that pairs with it is its late reply, taken and dropped
 * (the session counts it), never handed to a newer {@code list}. An orphan stops being owed when
 * the session {@link #forget forgets} it (its timeout again after its caller gave up: the reply is
 * deemed lost), or with the connection (a new one owes nothing). A {@code list} that was waiting
 * behind an orphan when a reply was dropped for it may have lost its own reply that way (the
 * orphan's may be the one that was lost): if it gives up too, it leaves no orphan, so a lost reply
 * costs at most one later {@code list}, never all of them.
 * Not thread-safe: the session guards it with its lock.
 */
final class ReplyQueue {
    /** Commands kept at most; beyond, the oldest one nobody waits on is forgotten (a server that never replies). */
    static final int MAX_PENDING = 256;

    /** A sent command; {@code reply} is the future a {@code list} caller waits on, else null. */
    static final class Pending {
        private final Command command;
        private final @Nullable CompletableFuture<String> reply;
        /** A reply was dropped for an older orphan while this waited: that reply may have been its own. */
        private boolean mayBeAnswered;

        Pending(Command command, @Nullable CompletableFuture<String> reply) {
            this.command = command;
            this.reply = reply;
        }

        Command command() {
            return command;
        }

        @Nullable CompletableFuture<String> reply() {
            return reply;
        }

        /** Its caller gave up (timed out, cancelled): a reply to it is late and goes to no one. */
        boolean orphan() {
            return reply != null && reply.isDone();
        }

        Command.Verb verb() {
            return command.verb();
        }

        boolean listsAnyOf(List<SubscriptionCode> codes) {
            for (SubscriptionCode code : codes) {
                if (command.codes().contains(code)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    void sent(Command command, @Nullable CompletableFuture<String> reply) {
        pending.addLast(new Pending(command, reply));
        for (Iterator<Pending> it = pending.iterator(); pending.size() > MAX_PENDING && it.hasNext(); ) {
            Pending p = it.next();
            if (p.reply() == null || p.orphan()) {
                it.remove();
            }
        }
    }

    /**
     * The command {@code text} answers, removed from the queue; null for an unsolicited text. An
     * {@link Pending#orphan() orphan} may be returned: its reply is late, for no one.
     */
    @Nullable Pending answer(String text) {
        ReplyText reply = ReplyText.of(text);
        while (true) {
            Pending match = match(reply);
            if (match == null) {
                return null;
            }
            pending.remove(match);
            if (!match.orphan()) {
                return match;
            }
            if (!match.mayBeAnswered) {
                // Its late reply: the next list behind it may have lost its own reply to this one.
                Pending next = first(p -> p.verb() == Command.Verb.LIST && !p.orphan());
                if (next != null) {
                    next.mayBeAnswered = true;
                }
                return match;
            }
            // Owed nothing (its reply may be one already dropped): pair the text again without it.
        }
    }

    private @Nullable Pending match(ReplyText reply) {
        Pending match;
        if (!reply.verbs().isEmpty()) {
            match = first(p -> reply.verbs().contains(p.verb()) && p.listsAnyOf(reply.listedCodes()));
            if (match == null) {
                match = first(p -> reply.verbs().contains(p.verb()));
            }
        } else if (!reply.listedCodes().isEmpty()) {
            match = first(p -> p.listsAnyOf(reply.listedCodes()));
            if (match == null) {
                match = first(p -> p.verb() == Command.Verb.LIST);
            }
        } else {
            match = first(p -> p.verb() != Command.Verb.LIST);
        }
        return match;
    }

    /** The caller of {@code reply} gave up long enough ago: the reply its orphan was owed is deemed lost. */
    void forget(CompletableFuture<String> reply) {
        pending.removeIf(p -> p.reply() == reply && p.orphan());
    }

    private @Nullable Pending first(Predicate<Pending> wanted) {
        for (Pending p : pending) {
            if (wanted.test(p)) {
                return p;
            }
        }
        return null;
    }

    /** Forgets every pending command, returning the futures still waiting for a reply. */
    List<CompletableFuture<String>> drainReplies() {
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (Pending p : pending) {
            if (p.reply() != null) {
                replies.add(p.reply());
            }
        }
        pending.clear();
        return replies;
    }
}
