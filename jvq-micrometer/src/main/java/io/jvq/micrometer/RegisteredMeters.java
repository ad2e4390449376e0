package io.jvq.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * What one binder put into registries and hooked into its source, so that its {@code close()}
 * takes all of it away again. A binder may be bound to several registries (Spring binds each
 * {@code MeterBinder} to every registry it has); each is remembered.
 */
final class RegisteredMeters {
    private final String binder;
    private final List<Registered> meters = new ArrayList<>();
    private final List<Runnable> unhooks = new ArrayList<>();
    private boolean closed;

    RegisteredMeters(String binder) {
        this.binder = binder;
    }

    /** Refuses a bind after close: the source would be hooked again with nobody left to unhook it. */
    synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException(binder + " is closed: create a new one to bind again");
        }
    }

    synchronized <M extends Meter> M add(MeterRegistry registry, M meter) {
        meters.add(new Registered(registry, meter));
        return meter;
    }

    /** {@code unhook} runs on close, after the meters are gone. */
    synchronized void onClose(Runnable unhook) {
        unhooks.add(unhook);
    }

    synchronized void close() {
        closed = true;
        for (Registered registered : meters) {
            registered.registry().remove(registered.meter());
        }
        meters.clear();
        unhooks.forEach(Runnable::run);
        unhooks.clear();
    }

    private record Registered(MeterRegistry registry, Meter meter) {
    }
}
