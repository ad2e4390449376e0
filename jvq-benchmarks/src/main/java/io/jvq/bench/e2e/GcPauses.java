package io.jvq.bench.e2e;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collections that stopped this JVM while it was watched: how many, their total and the longest,
 * from the collectors' notifications (whole milliseconds). A latency tail as long as the longest
 * pause is the JVM's, whatever the transport; the run's report prints them next to the percentiles.
 * Notifications arrive a little after the pause, so one in the last instant of a window counts in the next.
 */
public final class GcPauses implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private long count;
    private long totalMillis;
    private long longestMillis;

    public GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The pauses since the last call (the first: since construction), as "n, total t ms, longest l ms"; counts afresh. */
    public synchronized String take() {
        String window = String.format(Locale.ROOT, "%d, total %d ms, longest %d ms", count, totalMillis, longestMillis);
        count = 0;
        totalMillis = 0;
        longestMillis = 0;
        return window;
    }

    private synchronized void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent")) {
            return; // a concurrent cycle (G1 reports one from JDK 20 on) runs beside the application
        }
        long millis = info.getGcInfo().getDuration();
        count++;
        totalMillis += millis;
        longestMillis = Math.max(longestMillis, millis);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }
}
