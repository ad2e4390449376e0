package io.jvq.cli;

import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureWriter;
import io.jvq.cli.session.FrameTap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes every frame of a session to a capture file: frames received exactly as they crossed
 * the wire, commands sent, and how connections ended. The first write that fails stops the
 * recording and calls {@code onFailure} (which ends the session); the command then exits 1.
 */
final class RecordingTap implements FrameTap {
    private final CaptureWriter capture;
    private final Runnable onFailure;
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    RecordingTap(CaptureWriter capture, Runnable onFailure) {
        this.capture = capture;
        this.onFailure = onFailure;
    }

    /** The write that failed, or null. */
    IOException failure() {
        return failure.get();
    }

    @Override
    public void receivedText(String text) {
        write(() -> capture.text(text));
    }

    @Override
    public void receivedBinary(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        write(() -> capture.binary(bytes));
    }

    @Override
    public void sent(String text) {
        write(() -> capture.command(text));
    }

    @Override
    public void closed(int code, String reason) {
        if (CaptureEntry.isSendableCloseCode(code)) {
            write(() -> capture.close(code, reason));
        } else {
            // no close frame, or one with a code no endpoint may send (1005, 1006, 1015): a cut on replay
            write(capture::cut);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        if (failure.get() != null) {
            return;
        }
        try {
            write.run();
        } catch (IOException e) {
            if (failure.compareAndSet(null, e)) {
                onFailure.run();
            }
        }
    }
}
