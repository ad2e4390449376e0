package io.jvq.transport.tyrus;

import io.jvq.core.wire.NamedThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler Tyrus sessions get: what it runs where, and what it does once the port is closed. */
class SessionTimerTest {
    private final ScheduledExecutorService control = new ScheduledThreadPoolExecutor(1, new NamedThreads("test-control"));
    private final SessionTimer timer = new SessionTimer(control);

    @AfterEach
    void stop() {
        control.shutdownNow();
    }

    @Test
    void aTaskDueAtOnceRunsOnTheCallingThreadWithoutWakingTheControlThread() {
        String[] ranOn = new String[1];

        ScheduledFuture<?> future = timer.schedule((Runnable) () -> ranOn[0] = Thread.currentThread().getName(), 0,
                TimeUnit.MILLISECONDS);

        assertThat(ranOn[0]).isEqualTo(Thread.currentThread().getName());
        assertThat(future.isDone()).isTrue();
        assertThat(future.isCancelled()).isFalse();
    }

    @Test
    void aLaterTaskRunsOnTheControlThread() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();

        timer.schedule((Runnable) () -> ranOn.complete(Thread.currentThread().getName()), 5, TimeUnit.MILLISECONDS);

        assertThat(ranOn.get(5, TimeUnit.SECONDS)).startsWith("test-control");
    }

    @Test
    void onceThePortClosedALaterTaskIsQuietlyNotScheduled() {
        control.shutdown();

        ScheduledFuture<?> future = timer.schedule(() -> {
        }, 5, TimeUnit.MILLISECONDS);

        assertThat(future.isCancelled()).isTrue();
    }
}
