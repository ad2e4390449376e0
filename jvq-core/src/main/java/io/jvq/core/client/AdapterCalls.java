package io.jvq.core.client;

import io.jvq.core.Token;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Calls into a port adapter that cannot hurt the session, whatever the adapter does. */
final class AdapterCalls {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());

    private AdapterCalls() {
    }

    /** What an adapter's call returned; a call that throws or returns null gives a failed future. */
    static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> adapterCall, String adapter) {
        try {
            CompletableFuture<T> result = adapterCall.get();
            return result != null ? result
                    : CompletableFuture.failedFuture(new NullPointerException("the " + adapter + " adapter returned null"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs {@code action}, logging (token redacted) instead of throwing if it fails: for closing and aborting. */
    static void quietly(Token token, String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> what + " failed: " + FailureText.of(e, token));
        }
    }
}
