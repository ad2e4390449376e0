package io.jvq.testkit;

import io.netty.channel.EventLoop;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces a {@link Replay} at a {@link ReplayRate} on the fake's one event loop, which writes each
 * frame itself. A pacing thread of its own would hand every frame to the loop (a second thread
 * woken per frame, which cost about 2 ms at p99 on a busy machine); here a frame costs one wake-up,
 * as a bare server's own writing thread does. The loop waits on a timer until a frame is within
 * {@link #PARK_WITHIN_NANOS} of due (a NIO selector times out in whole milliseconds), then parks
 * for the rest, reading nothing meanwhile: a client's pings and commands wait at most that long.
 */
final class EventLoopPacer implements Runnable {
    static final long PARK_WITHIN_NANOS = TimeUnit.MICROSECONDS.toNanos(1500);
    /** Frames already due sent back to back before the loop reads its sockets again. */
    private static final int BURST = 32;

    private final Replay replay;
    private final FakeJvQuant server;
    private final List<PreparedFrame> frames;
    private final ReplayRate rate;
    private final ReplayProbe probe;
    private final EventLoop loop;
    private volatile boolean cancelled;
    // Touched on the loop only.
    private long start;
    private long trades;
    private long number;
    private int index;
    private boolean over;

    EventLoopPacer(Replay replay, FakeJvQuant server, List<PreparedFrame> frames, ReplayRate rate, ReplayProbe probe,
                   EventLoop loop) {
        this.replay = replay;
        this.server = server;
        this.frames = frames;
        this.rate = rate;
        this.probe = probe;
        this.loop = loop;
    }

    void start() {
        loop.execute(() -> {
            start = System.nanoTime();
            replay.started(start);
            run();
        });
    }

    /** Ends the replay on the loop, at once even when its next frame is far off. */
    void cancel() {
        cancelled = true;
        try {
            loop.execute(this);
        } catch (RejectedExecutionException loopGone) {
            replay.ended(new InterruptedException("the fake's event loop has stopped"));
        }
    }

    @Override
    public void run() {
        if (over) {
            return;
        }
        try {
            for (int burst = 0; burst < BURST; burst++) {
                if (cancelled) {
                    end(new InterruptedException("cancelled"));
                    return;
                }
                if (index == frames.size()) {
                    if (!rate.loops()) {
                        over = true;
                        replay.finish();
                        return;
                    }
                    index = 0;
                }
                long due = start + rate.dueNanos(trades);
                long wait = due - System.nanoTime();
                if (wait > PARK_WITHIN_NANOS) {
                    loop.schedule(this, wait - PARK_WITHIN_NANOS, TimeUnit.NANOSECONDS);
                    return;
                }
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(frames.get(index), due);
            }
            loop.execute(this); // late frames remain: let the loop read its sockets first
        } catch (RuntimeException e) {
            end(e);
        }
    }

    private void send(PreparedFrame frame, long due) {
        // Trades are counted before the write: a client may read the frame (and stop the replay)
        // before the loop comes back here, and the report must not trail what it got.
        trades += frame.trades();
        replay.sending(trades);
        probe.sending(number, index, due, System.nanoTime());
        number++;
        index++;
        server.pushPrepared(frame, rate.filters());
        replay.played();
    }

    private void end(Exception why) {
        over = true;
        replay.ended(why);
    }
}
