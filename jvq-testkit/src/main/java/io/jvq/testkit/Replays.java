package io.jvq.testkit;


import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The captures a fake is replaying, each on a thread of its own, until done or the fake closes. */
final class Replays {
    private final List<Replay> running = new CopyOnWriteArrayList<>();

    Replay start(Replay replay) {
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
