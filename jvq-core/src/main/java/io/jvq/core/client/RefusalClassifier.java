package io.jvq.core.client;

import io.jvq.core.port.DiscoveryReply;


/**
 * Tells a refusal that will not heal by retrying from one that will: a discovery reply whose
 * {@code code} is not {@code "0"}, or a WebSocket close the server sends with close code 1008
 * (policy violation) or 4000-4999 (application codes). jvQuant documents no refusal codes, so the
 * default rule reads what the refusal says, decoded (a JSON body with its escapes; a close reason
 * as it is): a connection limit or a busy server is {@link Kind#TRANSIENT} even when it names the
 * token; a refusal that says the token, key, account or user is invalid, expired or unknown, or
 * not entitled, is {@link Kind#FATAL}; anything else is transient, unknown codes included ("no
 * server free" is transient). The table of wordings is in docs/PROTOCOL.md §1. Failures that are
 * not refusals (HTTP errors, bodies that are not JSON, timeouts, other close codes, connections
 * cut) never reach a classifier: they are always transient. Replace it with
 * {@link ClientOptions.Builder#refusalClassifier} when your account's refusals say more.
 */
@FunctionalInterface
public interface RefusalClassifier {

    enum Kind {
        /** Retrying cannot help: the client stops (see {@link ClientOptions#retryFatalRefusals()}). */
        FATAL,
        /** Retried with the reconnect backoff, like a lost connection. */
        TRANSIENT
    }

    /** Classifies a discovery refusal; {@code reply.ok()} is false. */
    Kind classify(DiscoveryReply reply);

    /**
     * Classifies a close the server sent with code 1008 or 4000-4999 (no other code reaches it);
     * {@code reason} may be empty. By default the wording rule of {@link #DEFAULT}, applied to the
     * reason, whatever {@link #classify} does: override it to judge closes otherwise.
     */
    default Kind classifyClose(int closeCode, String reason) {
        return TokenRefusals.classifyClose(reason);
    }

    /** The default rule described above. */
    RefusalClassifier DEFAULT = TokenRefusals::classify;
}
