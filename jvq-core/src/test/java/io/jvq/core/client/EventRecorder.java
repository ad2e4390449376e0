package io.jvq.core.client;

import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that keeps every event with the time and thread it arrived on, then runs an
 * optional reaction (which may throw, or close the client) so tests can script the listener.
 */
final class EventRecorder implements QuoteListener {

    record Received(JvqEvent event, long atNanos, String thread) {
    }

    private final List<Received> received = new ArrayList<>();
    private volatile Consumer<JvqEvent> reaction = event -> {
    };

    /** What the listener does after recording each event. */
    void react(Consumer<JvqEvent> reaction) {
        this.reaction = reaction;
    }

    @Override
    public void onEvent(JvqEvent event) {
        synchronized (received) {
            received.add(new Received(event, System.nanoTime(), Thread.currentThread().getName()));
        }
        reaction.accept(event);
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<JvqEvent> all() {
        return received().stream().map(Received::event).toList();
    }

    <T> List<T> ofType(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The first {@code count} events of {@code type}, once that many have arrived. */
    <T> List<T> await(Class<T> type, int count) {
        Await.until(count + " x " + type.getSimpleName(), () -> ofType(type).size() >= count, this::describe);
        return ofType(type).subList(0, count);
    }

    /** The first event of {@code type} matching {@code condition}, once it has arrived. */
    <T> T awaitFirst(Class<T> type, Predicate<? super T> condition) {
        Await.until("a " + type.getSimpleName() + " matching the condition",
                () -> ofType(type).stream().anyMatch(condition), this::describe);
        return ofType(type).stream().filter(condition).findFirst().orElseThrow();
    }

    String describe() {
        return "events so far: " + all();
    }

    /** No event, nor the error a ListenerFailure carries, shows {@code secret}. */
    void assertNothingShows(String secret) {
        for (JvqEvent event : all()) {
            assertThat(event.toString()).as("event toString").doesNotContain(secret);
            if (event instanceof ListenerFailure failure) {
                assertThat(String.valueOf(failure.error().getMessage())).doesNotContain(secret);
            }
        }
    }
}
