package io.jvq.transport.jdk;

import java.nio.ByteBuffer;

/**
 * Joins the parts the JDK hands over for one binary message ({@code last == false} until the
 * final one), up to a limit. The buffer grows by doubling to the largest message seen and is
 * reused; a message that fits one part never comes here (it is passed on as it arrived).
 */
final class MessageAssembly {
    private static final int FIRST_CAPACITY = 64 * 1024;

    private final int maxBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    MessageAssembly(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** True while a message is half-joined. */
    boolean started() {
        return buffer.position() > 0;
    }

    /** Appends {@code part}; false (and nothing kept) when the message would pass the limit. */
    boolean append(ByteBuffer part) {
        int needed = buffer.position() + part.remaining();
        if (needed > maxBytes || needed < 0) {
            buffer.clear();
            return false;
        }
        if (needed > buffer.capacity()) {
            int capacity = Math.max(FIRST_CAPACITY, buffer.capacity());
            while (capacity < needed) {
                capacity = (int) Math.min(maxBytes, 2L * capacity);
            }
            ByteBuffer larger = ByteBuffer.allocate(Math.min(capacity, maxBytes));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        buffer.put(part);
        return true;
    }

    /** The joined message, valid until the next {@link #append}; the assembly is empty again. */
    ByteBuffer take() {
        ByteBuffer whole = buffer.flip().slice();
        buffer.clear();
        return whole;
    }
}
