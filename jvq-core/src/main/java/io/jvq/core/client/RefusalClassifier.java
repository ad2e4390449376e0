package io.jvq.core.client;

import io.jvq.core.port.DiscoveryReply;


/**
 * Tells a discovery refusal (a reply whose {@code code} is not {@code "0"}) that will not heal by
 * retrying from one that will. jvQuant documents no refusal codes, so the default rule reads the
 * reply's text: a refusal is {@link Kind#FATAL} when it says the token is invalid, expired or not
 * entitled (it mentions the token, an expiry, an authorisation or a permission, in English or
 * Chinese), and {@link Kind#TRANSIENT} otherwise, unknown codes included ("no server free" is
 * transient). Failures that are not refusals (HTTP errors, bodies that are not JSON, timeouts)
 * never reach a classifier: they are always transient. Replace it with
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

    /** Classifies a refusal; {@code reply.ok()} is false. */
    Kind classify(DiscoveryReply reply);

    /** The default rule described above. */
    RefusalClassifier DEFAULT = TokenRefusals::classify;
}
