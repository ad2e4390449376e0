package io.jvq.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A subscription command sent to the server as a text frame (docs/PROTOCOL.md §4):
 * {@code add=…}, {@code del=…}, {@code all=…} (empty clears everything) and {@code list}.
 * Codes are de-duplicated, keeping the order of their first appearance.
 */
public record Command(Verb verb, List<SubscriptionCode> codes) {

    public enum Verb {
        ADD("add"), DEL("del"), ALL("all"), LIST("list");

        private final String wire;

        Verb(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Command {
        Objects.requireNonNull(verb, "verb");
        codes = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(codes, "codes")));
        if (verb == Verb.LIST && !codes.isEmpty()) {
            throw new IllegalArgumentException("list takes no codes");
        }
        if ((verb == Verb.ADD || verb == Verb.DEL) && codes.isEmpty()) {
            throw new IllegalArgumentException(verb.wire() + " needs at least one code");
        }
    }

    public static Command add(Collection<SubscriptionCode> codes) {
        return new Command(Verb.ADD, List.copyOf(codes));
    }

    public static Command del(Collection<SubscriptionCode> codes) {
        return new Command(Verb.DEL, List.copyOf(codes));
    }

    /** Replaces the whole subscription; an empty collection encodes as {@code all=}. */
    public static Command all(Collection<SubscriptionCode> codes) {
        return new Command(Verb.ALL, List.copyOf(codes));
    }

    public static Command list() {
        return new Command(Verb.LIST, List.of());
    }

    /** The text frame exactly as the vendor documents it. */
    public String encode() {
        if (verb == Verb.LIST) {
            return "list";
        }
        StringBuilder out = new StringBuilder(verb.wire().length() + 1 + codes.size() * 11);
        out.append(verb.wire()).append('=');
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(codes.get(i).wire());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
