package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.port.DiscoveryReply;
import org.jspecify.annotations.Nullable;

/**
 * What the session makes of a discovery answer: a server to connect to, a refusal that ends the
 * attempts for good, or a failure to retry after the backoff; and of a close the server sends,
 * whether it is such a refusal too. All text has the token redacted.
 */
final class DiscoveryAnswer {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());

    private final ClientOptions options;

    DiscoveryAnswer(ClientOptions options) {
        this.options = options;
    }

    /** True when {@code reply} is a refusal that cannot heal and the options say to stop on it. */
    boolean fatal(@Nullable DiscoveryReply reply, @Nullable Throwable error) {
        if (error != null || reply == null || reply.ok() || options.retryFatalRefusals()) {
            return false;
        }
        try {
            return options.refusalClassifier().classify(reply) == RefusalClassifier.Kind.FATAL;
        } catch (RuntimeException e) {
            // A throwing classifier counts as transient: retrying is the safe side.
            LOG.log(System.Logger.Level.WARNING,
                    () -> "the refusal classifier failed; retrying: " + FailureText.of(e, options.token()));
            return false;
        }
    }

    /**
     * True when the server closed with a refusal that cannot heal (close code 1008 or 4000-4999,
     * and the classifier says so) and the options say to stop on it.
     */
    boolean fatalClose(int closeCode, @Nullable String reason) {
        boolean refusal = closeCode == 1008 || (closeCode >= 4000 && closeCode <= 4999);
        if (!refusal || options.retryFatalRefusals()) {
            return false;
        }
        try {
            return options.refusalClassifier().classifyClose(closeCode, reason == null ? "" : reason)
                    == RefusalClassifier.Kind.FATAL;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING,
                    () -> "the refusal classifier failed on a close; retrying: " + FailureText.of(e, options.token()));
            return false;
        }
    }

    /** The event that says a fatal refusal stopped the client. */
    ConnectionEvent.Refused refused(DiscoveryReply refusal) {
        String code = options.token().redact(String.valueOf(refusal.code()));
        String reason = "discovery refused for good: code=" + code + said(refusal.body())
                + ", body=" + options.token().redact(refusal.body());
        return new ConnectionEvent.Refused(code, reason);
    }

    /** The event that says a close the server sent (see {@link #fatalClose}) stopped the client. */
    ConnectionEvent.Refused refusedByClose(int closeCode, @Nullable String reason) {
        String code = String.valueOf(closeCode);
        String text = reason == null || reason.isBlank() ? "(no reason)" : options.token().redact(reason);
        return new ConnectionEvent.Refused(code, "the server closed the connection for good: code=" + code
                + ", reason=" + text);
    }

    /** {@code ", message=…"}: what a JSON refusal says, decoded, when that differs from its body; else "". */
    private String said(String body) {
        String message = TokenRefusals.message(body);
        return message.isEmpty() || message.equals(body) ? "" : ", message=" + options.token().redact(message);
    }

    /**
     * The server address of a usable reply.
     *
     * @throws IllegalArgumentException saying what was wrong with the reply (token redacted)
     */
    ServerAddress serverOf(@Nullable DiscoveryReply reply, @Nullable Throwable error) {
        if (error != null) {
            throw new IllegalArgumentException("discovery failed: " + FailureText.of(error, options.token()));
        }
        if (reply == null) {
            throw new IllegalArgumentException("discovery failed: the adapter completed without a reply");
        }
        if (!reply.ok()) {
            throw new IllegalArgumentException("discovery refused: code=" + options.token().redact(reply.code())
                    + said(reply.body()) + ", body=" + options.token().redact(reply.body()));
        }
        if (reply.server() == null || reply.server().isBlank()) {
            throw new IllegalArgumentException("discovery reply has no server address: body="
                    + options.token().redact(reply.body()));
        }
        try {
            return ServerAddress.of(reply.server(), options.token());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("discovery returned an unusable server address: " + e.getMessage());
        }
    }
}
