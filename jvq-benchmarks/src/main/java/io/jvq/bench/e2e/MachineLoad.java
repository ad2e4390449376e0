package io.jvq.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What else the machine was doing: the load average, and this process's CPU time. */
public final class MachineLoad {
    private MachineLoad() {
    }

    /** The first three fields of /proc/loadavg (1, 5, 15 minutes), or the JVM's 1-minute figure elsewhere. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Context switches (voluntary and forced) of process {@code pid}'s live threads so far, from
     * /proc/pid/task/n/status; -1 where /proc does not say. A thread handing work to another per
     * message shows here as switches per frame, which a busy machine does not blur the way it
     * blurs latency.
     */
    public static long contextSwitches(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long total = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                total += switchesOf(thread.resolve("status"));
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long switchesOf(Path status) {
        long switches = 0;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException e) {
            // The thread ended meanwhile: its switches are gone with it.
        }
        return switches;
    }

    /** This process's CPU time in nanoseconds (all threads), or -1 when the JVM does not say. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
