package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.ReplaySpeed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The captures a fake is replaying, each on a thread of its own, until done or the fake closes. */
final class Replays {
    private final List<Replay> running = new CopyOnWriteArrayList<>();

    Replay start(FakeJvQuant server, Capture capture, ReplaySpeed speed, String threadName) {
        Replay replay = new Replay(server, capture, speed, threadName);
        running.add(replay);
        replay.done().whenComplete((v, e) -> running.remove(replay));
        replay.start();
        return replay;
    }

    void cancelAll() {
        for (Replay replay : running) {
            replay.cancel();
        }
    }

    void joinAll(Duration timeout) {
        for (Replay replay : running) {
            replay.join(timeout);
        }
    }
}
