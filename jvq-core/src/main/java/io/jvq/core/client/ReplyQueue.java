package io.jvq.core.client;

import io.jvq.core.Command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The commands sent on one connection that the server has not answered yet, oldest first.
 * The server answers each command with exactly one text frame, in order, so each text frame
 * answers the oldest one. Not thread-safe: the session guards it with its lock.
 */
final class ReplyQueue {

    /** A sent command; {@code reply} is the future a {@code list} caller waits on, else null. */
    record Pending(Command.Verb verb, CompletableFuture<String> reply) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    void sent(Command.Verb verb, CompletableFuture<String> reply) {
        pending.addLast(new Pending(verb, reply));
    }

    /** The command a text frame answers, or null when none is waiting (an unsolicited frame). */
    Pending answer() {
        return pending.pollFirst();
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
