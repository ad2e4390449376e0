package io.jvq.transport.tyrus;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class CloseFrameSpotterTest {
    private final CloseFrameSpotter spotter = new CloseFrameSpotter();

    @Test
    void seesACloseFrameAfterDataFramesOfEveryLengthForm() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frame(wire, 0x2, 100, false);
        frame(wire, 0x2, 300, false);
        frame(wire, 0x1, 70_000, false);
        byte[] dataOnly = wire.toByteArray();
        frame(wire, 0x8, 2, false);

        spotter.scan(ByteBuffer.wrap(dataOnly));
        assertThat(spotter.closeSeen()).isFalse();

        CloseFrameSpotter fresh = new CloseFrameSpotter();
        fresh.scan(ByteBuffer.wrap(wire.toByteArray()));
        assertThat(fresh.closeSeen()).isTrue();
    }

    @Test
    void followsFramesSplitAtEveryByte() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frame(wire, 0x2, 200, true);
        frame(wire, 0x9, 0, false);
        frame(wire, 0x0, 130, true);
        int dataLength = wire.size();
        frame(wire, 0x8, 5, true);
        byte[] bytes = wire.toByteArray();

        for (int i = 0; i < bytes.length; i++) {
            spotter.scan(ByteBuffer.wrap(bytes, i, 1));
            assertThat(spotter.closeSeen()).as("after byte %d", i).isEqualTo(i >= dataLength);
        }
    }

    @Test
    void leavesTheBufferUntouched() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frame(wire, 0x2, 10, false);
        ByteBuffer buffer = ByteBuffer.wrap(wire.toByteArray());
        buffer.position(0);

        spotter.scan(buffer);

        assertThat(buffer.position()).isZero();
        assertThat(buffer.remaining()).isEqualTo(wire.size());
    }

    @Test
    void aCloseOpcodeInsideAPayloadIsNotACloseFrame() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(0x82);
        wire.write(4);
        wire.writeBytes(new byte[]{(byte) 0x88, 0x00, (byte) 0x88, 0x00});

        spotter.scan(ByteBuffer.wrap(wire.toByteArray()));

        assertThat(spotter.closeSeen()).isFalse();
    }

    private static void frame(ByteArrayOutputStream out, int opcode, int length, boolean masked) {
        out.writeBytes(io.jvq.testkit.port.RawServer.frameHeader(opcode, true, length));
        byte[] header = out.toByteArray();
        if (masked) {
            // set the mask bit on the length byte just written, then add a 4-byte key
            int lengthByteAt = header.length - (length <= 125 ? 1 : length <= 0xFFFF ? 3 : 9);
            header[lengthByteAt] |= (byte) 0x80;
            out.reset();
            out.writeBytes(header);
            out.writeBytes(new byte[]{1, 2, 3, 4});
        }
        out.writeBytes(new byte[length]);
    }
}
