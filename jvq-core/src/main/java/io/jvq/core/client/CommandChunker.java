package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command whose text frame would exceed the server's limit into several that do not,
 * with the same effect: a large {@code all=} becomes {@code all=} with the first chunk followed by
 * {@code add=} with the rest; a large {@code add=} or {@code del=} becomes several of the same verb.
 * Chunks keep the codes' order. A single code longer than the limit still goes alone.
 */
final class CommandChunker {
    private final int maxBytes;

    CommandChunker(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    List<Command> chunks(Command command) {
        if (command.verb() == Command.Verb.LIST || bytes(command.verb().wire()) + 1 + listBytes(command.codes()) <= maxBytes) {
            return List.of(command);
        }
        List<Command> chunks = new ArrayList<>();
        List<SubscriptionCode> chunk = new ArrayList<>();
        Command.Verb verb = command.verb();
        int size = bytes(verb.wire()) + 1;
        for (SubscriptionCode code : command.codes()) {
            int add = (chunk.isEmpty() ? 0 : 1) + bytes(code.wire());
            if (!chunk.isEmpty() && size + add > maxBytes) {
                chunks.add(new Command(verb, chunk));
                // after the first all= chunk, the rest is added to it
                verb = verb == Command.Verb.ALL ? Command.Verb.ADD : verb;
                chunk = new ArrayList<>();
                size = bytes(verb.wire()) + 1;
                add = bytes(code.wire());
            }
            chunk.add(code);
            size += add;
        }
        chunks.add(new Command(verb, chunk));
        return chunks;
    }

    private static int listBytes(List<SubscriptionCode> codes) {
        int n = Math.max(0, codes.size() - 1);
        for (SubscriptionCode code : codes) {
            n += bytes(code.wire());
        }
        return n;
    }

    /** Codes are ASCII, but the limit is in bytes: count them as the wire will. */
    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
