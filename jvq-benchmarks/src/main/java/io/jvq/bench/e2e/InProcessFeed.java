package io.jvq.bench.e2e;

import io.jvq.core.client.ClientOptions;
import io.jvq.testkit.FakeJvQuant;

import java.util.function.IntFunction;

/** A {@link FakeJvQuant} and a {@link Pacer} pushing through it, in this process. */
public final class InProcessFeed implements PacedFeed {
    private final FakeJvQuant server;
    private final SendLog log;
    private final Pacer pacer;

    private InProcessFeed(FakeJvQuant server, SendLog log, Pacer pacer) {
        this.server = server;
        this.log = log;
        this.pacer = pacer;
    }

    /** Builds the ring, the log ({@code logFor} the ring's slot count) and starts the server. */
    public static InProcessFeed start(int rate, int frameBytes, IntFunction<SendLog> logFor) {
        MarkedFrames frames = MarkedFrames.forRate(rate, frameBytes);
        SendLog log = logFor.apply(frames.slots());
        FakeJvQuant server = FakeJvQuant.start();
        Pacer pacer = new Pacer(frames, log, rate, (slot, frame) -> {
            if (server.pushBinary(frame) != 1) {
                throw new IllegalStateException("the fake has no open connection: " + server);
            }
        });
        return new InProcessFeed(server, log, pacer);
    }

    public int port() {
        return server.port();
    }

    @Override
    public ClientOptions clientOptions() {
        return server.clientOptions().build();
    }

    @Override
    public SendLog log() {
        return log;
    }

    @Override
    public void startPacing() {
        // The client may see its subscription answered before the fake counts its connection open.
        server.awaitConnections(1, ClientRig.CONNECT_TIMEOUT);
        pacer.start();
    }

    @Override
    public void stopPacing() throws InterruptedException {
        pacer.stop();
    }

    @Override
    public void close() {
        try {
            pacer.stopQuietly();
        } finally {
            server.close();
        }
    }
}
