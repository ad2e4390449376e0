package io.jvq.core.codec;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Which {@link FrameInflater} decodes frames in this JVM: chosen once, on first use, from the
 * {@link FrameInflaterProvider}s on the class path (the first that opens an inflater here), else
 * {@code java.util.zip.Inflater}; one log line (logger {@code io.jvq.core.client.JvqClient}, INFO)
 * says which, and why a provider found was not used.
 */
public final class FrameInflaters {
    /** Large enough for the trial inflater a provider must open before it is chosen. */
    private static final int TRIAL_CAP = 1024;

    private FrameInflaters() {
    }

    /** An inflater of the provider chosen for this JVM. */
    public static FrameInflater open(int maxInflatedBytes) {
        return Chosen.PROVIDER.open(requirePositive(maxInflatedBytes));
    }

    /** The name of the provider chosen for this JVM ({@code java.util.zip.Inflater} when none works). */
    public static String inUse() {
        return Chosen.PROVIDER.name();
    }

    /** The JDK's inflater, whatever was chosen (what a comparison runs against). */
    public static FrameInflater jdk(int maxInflatedBytes) {
        return new JdkFrameInflater(maxInflatedBytes);
    }

    /**
     * The choice {@link #open} makes, over {@code candidates}: the first that opens (and closes) an
     * inflater, else the JDK's; {@code log} is told which, and why each candidate before it failed.
     */
    public static FrameInflaterProvider choose(Iterable<? extends FrameInflaterProvider> candidates, Consumer<String> log) {
        StringBuilder failures = new StringBuilder();
        Iterator<? extends FrameInflaterProvider> it = candidates.iterator();
        while (true) {
            FrameInflaterProvider candidate;
            try {
                if (!it.hasNext()) {
                    break;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider compiled for a newer Java, or whose class does not load: try the next one.
                failures.append("; a provider did not load: ").append(e);
                continue;
            }
            try {
                candidate.open(TRIAL_CAP).close();
                log.accept("jvq: frames are inflated by " + candidate.name() + failures);
                return candidate;
            } catch (RuntimeException | LinkageError e) {
                failures.append("; ").append(candidate.name()).append(" is not usable here: ").append(e);
            }
        }
        log.accept("jvq: frames are inflated by " + JdkFrameInflater.NAME + failures);
        return Jdk.PROVIDER;
    }

    static int requirePositive(int maxInflatedBytes) {
        if (maxInflatedBytes < 1) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive, got " + maxInflatedBytes);
        }
        return maxInflatedBytes;
    }

    /** The JDK's inflater as a provider: the fallback. */
    private static final class Jdk implements FrameInflaterProvider {
        static final Jdk PROVIDER = new Jdk();

        @Override
        public String name() {
            return JdkFrameInflater.NAME;
        }

        @Override
        public FrameInflater open(int maxInflatedBytes) {
            return new JdkFrameInflater(maxInflatedBytes);
        }
    }

    /** The choice, made when first needed (class initialisation is the once-only lock). */
    private static final class Chosen {
        static final FrameInflaterProvider PROVIDER = choose(
                ServiceLoader.load(FrameInflaterProvider.class, FrameInflaters.class.getClassLoader()),
                line -> System.getLogger("io.jvq.core.client.JvqClient").log(System.Logger.Level.INFO, line));
    }
}
