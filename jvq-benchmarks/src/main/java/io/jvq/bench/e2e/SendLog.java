package io.jvq.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sender's notes for the {@link LatencyTap}, per {@link MarkedFrames} slot: which frame went
 * out in it, when it was due and when it was sent ({@link System#nanoTime}), and how many frames
 * and trades went out so far. It lives in a buffer that may be a memory-mapped file, so that a
 * sender in another process can keep it: on Linux {@code System.nanoTime} reads CLOCK_MONOTONIC,
 * which every process shares.
 *
 * <p>One writer (the pacer), any number of readers. The writer stores a slot's times before its
 * frame number, with a release store; a reader loads the frame number with an acquire load first,
 * so that when the number is the frame it expects, the times it then reads are that frame's
 * (unless the slot was reused meanwhile, which the ring's size of about two seconds rules out).
 *
 * <p>Layout, native byte order: a header of {@value #HEADER_BYTES} bytes (slot count, frames sent,
 * trades sent), then per slot three longs (frame number, due, sent).
 */
public final class SendLog {
    static final int HEADER_BYTES = 64;
    private static final int SLOT_BYTES = 24;
    private static final int SLOTS_AT = 0;
    private static final int FRAMES_AT = 8;
    private static final int TRADES_AT = 16;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer buffer;
    private final int slots;

    private SendLog(ByteBuffer buffer, int slots) {
        this.buffer = buffer;
        this.slots = slots;
    }

    /** A log in this process's memory, for a sender in this process. */
    public static SendLog inMemory(int slots) {
        return initialised(ByteBuffer.allocateDirect(bytesFor(slots)), slots);
    }

    /** Creates (or replaces) the log in {@code file}, mapped into this process, for others to {@link #open}. */
    public static SendLog create(Path file, int slots) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            return initialised(channel.map(FileChannel.MapMode.READ_WRITE, 0, bytesFor(slots)), slots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the send log " + file, e);
        }
    }

    /** Maps a log another process {@linkplain #create created}. */
    public static SendLog open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new IllegalArgumentException("not a send log: " + file + " holds " + size + " bytes");
            }
            ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            long slots = (long) LONG.getAcquire(buffer, SLOTS_AT);
            if (slots < 1 || bytesFor(slots) != size) {
                throw new IllegalArgumentException("not a send log: " + file + " says " + slots + " slots in "
                        + size + " bytes");
            }
            return new SendLog(buffer, (int) slots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the send log " + file, e);
        }
    }

    private static SendLog initialised(ByteBuffer buffer, int slots) {
        SendLog log = new SendLog(buffer, slots);
        for (int s = 0; s < slots; s++) {
            LONG.setRelease(buffer, slotAt(s), -1L); // no frame yet
        }
        LONG.setRelease(buffer, SLOTS_AT, (long) slots);
        return log;
    }

    private static int bytesFor(long slots) {
        if (slots < 1 || slots > (Integer.MAX_VALUE - HEADER_BYTES) / SLOT_BYTES) {
            throw new IllegalArgumentException("slots must be between 1 and a 2 GB log, got " + slots);
        }
        return HEADER_BYTES + (int) slots * SLOT_BYTES;
    }

    private static int slotAt(int slot) {
        return HEADER_BYTES + slot * SLOT_BYTES;
    }

    public int slots() {
        return slots;
    }

    /** The sender's note, written before frame number {@code frame} is pushed from {@code slot}. */
    public void sending(int slot, long frame, long due, long sent) {
        int at = slotAt(slot);
        LONG.setRelease(buffer, at + 8, due);
        LONG.setRelease(buffer, at + 16, sent);
        LONG.setRelease(buffer, at, frame);
    }

    /** After a push: the totals so far. */
    public void sent(long frames, long trades) {
        LONG.setRelease(buffer, TRADES_AT, trades);
        LONG.setRelease(buffer, FRAMES_AT, frames);
    }

    /** The number of the frame last sent from {@code slot}, or -1. Read it before the slot's times. */
    public long frame(int slot) {
        return (long) LONG.getAcquire(buffer, slotAt(slot));
    }

    public long due(int slot) {
        return (long) LONG.getAcquire(buffer, slotAt(slot) + 8);
    }

    public long sent(int slot) {
        return (long) LONG.getAcquire(buffer, slotAt(slot) + 16);
    }

    public long framesSent() {
        return (long) LONG.getAcquire(buffer, FRAMES_AT);
    }

    /** Trades sent, counting every frame up to at least {@link #framesSent()}. */
    public long tradesSent() {
        return (long) LONG.getAcquire(buffer, TRADES_AT);
    }
}
