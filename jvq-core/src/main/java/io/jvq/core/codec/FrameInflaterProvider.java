package io.jvq.core.codec;

/**
 * Another implementation of {@link FrameInflater}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.jvq.core.codec.FrameInflaterProvider}). The first provider that opens
 * an inflater in this JVM is used by every {@link FrameDecoder}; when none does,
 * {@code java.util.zip.Inflater} is.
 */
public interface FrameInflaterProvider {

    /** What the inflater is, for the one log line that says which one decodes frames. */
    String name();

    /**
     * Opens an inflater capped at {@code maxInflatedBytes}.
     *
     * @throws RuntimeException (or a {@link LinkageError}) when it cannot work here: a missing native
     *                          library, a JVM without what it needs
     */
    FrameInflater open(int maxInflatedBytes);
}
