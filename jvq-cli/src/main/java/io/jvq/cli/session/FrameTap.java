package io.jvq.cli.session;

import java.nio.ByteBuffer;

/**
 * Sees every frame of a connection as it passes, before the client does: for counting bytes
 * and for recording. Calls for one connection never overlap, except {@link #sent}, which comes
 * from whichever thread sends.
 */
public interface FrameTap {

    /** A connection was opened (the URI is not passed on: it holds the token). */
    default void opened() {
    }

    default void receivedText(String text) {
    }

    /** A binary frame; read it with {@code duplicate()} or absolute gets: it is the client's too. */
    default void receivedBinary(ByteBuffer frame) {
    }

    /** A text frame (a command) the client sent. */
    default void sent(String text) {
    }

    /** The connection ended: by a close frame ({@code code >= 0}) or a failure ({@code code == -1}). */
    default void closed(int code, String reason) {
    }

    /** Several taps, called in order. */
    static FrameTap of(FrameTap... taps) {
        return new FrameTap() {
            @Override
            public void opened() {
                for (FrameTap tap : taps) {
                    tap.opened();
                }
            }

            @Override
            public void receivedText(String text) {
                for (FrameTap tap : taps) {
                    tap.receivedText(text);
                }
            }

            @Override
            public void receivedBinary(ByteBuffer frame) {
                for (FrameTap tap : taps) {
                    tap.receivedBinary(frame);
                }
            }

            @Override
            public void sent(String text) {
                for (FrameTap tap : taps) {
                    tap.sent(text);
                }
            }

            @Override
            public void closed(int code, String reason) {
                for (FrameTap tap : taps) {
                    tap.closed(code, reason);
                }
            }
        };
    }
}
