package io.jvq.bench.e2e;

import io.jvq.core.client.ClientOptions;

/**
 * A fake jvQuant that paces {@link MarkedFrames} out to its one client at a fixed trade rate, noting
 * each frame in a {@link SendLog}: in the harness's own process, or in one of its own so that the
 * sender's pauses (GC, scheduling) are not the client's.
 */
public sealed interface PacedFeed extends AutoCloseable permits InProcessFeed, ChildProcessFeed, BareFeed {

    /** Where the server runs. */
    enum Where {
        /** In the harness's JVM, sharing its heap and collector with the client. */
        INPROCESS,
        /** In a child JVM ({@link PacedFeedMain}); send times come back through a memory-mapped {@link SendLog}. */
        PROCESS,
        /**
         * Not the fake: a {@link BareFeed} in the harness's JVM whose pacer writes each frame on the socket
         * itself, to tell the fake's send path from the rest.
         */
        BARE
    }

    static PacedFeed start(Where where, int rate, int frameBytes) {
        return switch (where) {
            case INPROCESS -> InProcessFeed.start(rate, frameBytes, SendLog::inMemory);
            case PROCESS -> ChildProcessFeed.start(rate, frameBytes);
            case BARE -> BareFeed.start(rate, frameBytes);
        };
    }

    /** Options aimed at this server, with its token. */
    ClientOptions clientOptions();

    /** The sender's notes, to read from this process. */
    SendLog log();

    /** Starts pushing frames; call once the client is subscribed. */
    void startPacing();

    /** Stops pushing frames and waits for the last push; throws what made the pacer fail, if anything did. */
    void stopPacing() throws InterruptedException;

    /** The CPU time of the server's own process so far, in nanoseconds, or -1 when it runs in this one. */
    default long serverCpuNanos() {
        return -1;
    }

    /** Context switches of the server's own process so far ({@link MachineLoad#contextSwitches}), or -1 when it runs in this one. */
    default long serverContextSwitches() {
        return -1;
    }

    @Override
    void close();
}
