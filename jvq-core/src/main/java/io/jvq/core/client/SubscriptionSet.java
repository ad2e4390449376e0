package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The codes a client wants, in the order they were first added, with the deltas that changes
 * make. Not thread-safe: the session guards it with its lock.
 */
final class SubscriptionSet {
    private final LinkedHashSet<SubscriptionCode> codes = new LinkedHashSet<>();

    /** A copy of a caller's {@code codes}, refused with the index of a null one. */
    static List<SubscriptionCode> checked(Collection<SubscriptionCode> codes) {
        if (codes == null) {
            throw new NullPointerException("codes");
        }
        List<SubscriptionCode> copy = new ArrayList<>(codes.size());
        int index = 0;
        for (SubscriptionCode code : codes) {
            if (code == null) {
                throw new NullPointerException("subscription code at index " + index + " is null");
            }
            copy.add(code);
            index++;
        }
        return copy;
    }

    /** Adds {@code added}; returns those that were not subscribed yet, in argument order. */
    List<SubscriptionCode> add(Collection<SubscriptionCode> added) {
        List<SubscriptionCode> fresh = new ArrayList<>();
        for (SubscriptionCode code : added) {
            if (codes.add(code)) {
                fresh.add(code);
            }
        }
        return fresh;
    }

    /** Removes {@code removed}; returns those that were subscribed, in argument order. */
    List<SubscriptionCode> remove(Collection<SubscriptionCode> removed) {
        List<SubscriptionCode> gone = new ArrayList<>();
        for (SubscriptionCode code : removed) {
            if (codes.remove(code)) {
                gone.add(code);
            }
        }
        return gone;
    }

    /** Replaces every code; returns true when the set of codes changed (order aside). */
    boolean replaceAll(Collection<SubscriptionCode> replacement) {
        Set<SubscriptionCode> next = new LinkedHashSet<>(replacement);
        boolean changed = !next.equals(codes);
        codes.clear();
        codes.addAll(next);
        return changed;
    }

    /** Adds {@code added}: the {@code add=} the wire needs for it, or null when nothing changed. */
    @Nullable Command addCommand(Collection<SubscriptionCode> added) {
        List<SubscriptionCode> fresh = add(added);
        return fresh.isEmpty() ? null : Command.add(fresh);
    }

    /** Removes {@code removed}: the {@code del=} the wire needs for it, or null when nothing changed. */
    @Nullable Command removeCommand(Collection<SubscriptionCode> removed) {
        List<SubscriptionCode> gone = remove(removed);
        return gone.isEmpty() ? null : Command.del(gone);
    }

    /** Replaces every code: the {@code all=} the wire needs for it, or null when nothing changed. */
    @Nullable Command replaceAllCommand(Collection<SubscriptionCode> replacement) {
        return replaceAll(replacement) ? Command.all(snapshot()) : null;
    }

    List<SubscriptionCode> snapshot() {
        return List.copyOf(codes);
    }
}
