package io.jvq.kafka;

/** The JVM shutdown hook that closes a bridge: added and removed, whether or not the JVM is exiting already. */
final class ShutdownHooks {
    private ShutdownHooks() {
    }

    /** The hook, added; or null when the JVM is shutting down already (the bridge is then the caller's to close). */
    static Thread add(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException shuttingDown) {
            return null;
        }
    }

    /** Removes {@code hook}, unless it is null or the caller (the hook closing the bridge itself). */
    static void remove(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook finds the bridge closed and returns
        }
    }
}
