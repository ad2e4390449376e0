package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A fake's timed quote feed on a thread of its own ({@code jvq-fake-<port>-feed}): each tick asks
 * the source for the union of the open connections' subscriptions and pushes what it returns.
 */
final class QuoteFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeJvQuant.class);

    private final FakeState state;
    private final Consumer<String> push;
    private final ScheduledExecutorService thread;
    private final AtomicReference<ScheduledFuture<?>> running = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param push sends a tick's quote lines, filtered per connection */
    QuoteFeed(int port, FakeState state, Consumer<String> push) {
        this.state = state;
        this.push = push;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvq-fake-" + port + "-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /** See {@link FakeJvQuant#startFeed}. */
    void start(QuoteSource source, Duration tickInterval) {
        Objects.requireNonNull(source, "source");
        if (tickInterval.isZero() || tickInterval.isNegative()) {
            throw new IllegalArgumentException("tickInterval must be positive, got " + tickInterval);
        }
        failure.set(null);
        long nanos = tickInterval.toNanos();
        ScheduledFuture<?> previous = running.getAndSet(
                thread.scheduleAtFixedRate(() -> tick(source), nanos, nanos, TimeUnit.NANOSECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** See {@link FakeJvQuant#stopFeed}. */
    void stop() {
        cancel();
        Throwable failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("the quote feed had stopped: " + failed.getMessage(), failed);
        }
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    private void cancel() {
        ScheduledFuture<?> feed = running.getAndSet(null);
        if (feed != null) {
            feed.cancel(false);
        }
    }

    private void tick(QuoteSource source) {
        try {
            Set<SubscriptionCode> union = new LinkedHashSet<>();
            for (FakeConnection c : state.openConnections()) {
                union.addAll(c.subscription());
            }
            String text = source.nextTick(Set.copyOf(union));
            if (text != null && !text.isEmpty()) {
                push.accept(text);
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
            LOG.error("fake jvQuant: quote feed stopped, its source failed", e);
            throw e;
        }
    }

    /** Stops the feed and its thread, waiting for a tick in progress. */
    @Override
    public void close() {
        cancel();
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(FakeEndpoints.CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("fake jvQuant: feed thread did not stop within {}", FakeEndpoints.CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
