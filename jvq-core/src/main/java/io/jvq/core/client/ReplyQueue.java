package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
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
 * Not thread-safe: the session guards it with its lock.
 */
final class ReplyQueue {
    /** Commands kept at most; beyond, the oldest one nobody waits on is forgotten (a server that never replies). */
    static final int MAX_PENDING = 256;

    /** A sent command; {@code reply} is the future a {@code list} caller waits on, else null. */
    record Pending(Command command, CompletableFuture<String> reply) {
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

    private final LinkedList<Pending> pending = new LinkedList<>();

    void sent(Command command, CompletableFuture<String> reply) {
        pending.addLast(new Pending(command, reply));
        for (Iterator<Pending> it = pending.iterator(); pending.size() > MAX_PENDING && it.hasNext(); ) {
            if (it.next().reply() == null) {
                it.remove();
            }
        }
    }

    /** The command {@code text} answers, removed from the queue; null for an unsolicited text. */
    Pending answer(String text) {
        ReplyText reply = ReplyText.of(text);
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
        if (match != null) {
            pending.remove(match);
        }
        return match;
    }

    private Pending first(Predicate<Pending> wanted) {
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
