package io.jvq.inflate.libdeflate;

import io.jvq.core.codec.FrameInflater;
import io.jvq.core.codec.FrameInflaterProvider;

/**
 * Offers {@link LibdeflateInflater} to jvq-core ({@code META-INF/services}): chosen when the library
 * loads. The library is {@value #DEFAULT_LIBRARY} as the dynamic linker finds it (Debian and Ubuntu's
 * {@code libdeflate0}), or the name or path in system property {@value #LIBRARY_PROPERTY}.
 */
public final class LibdeflateInflaterProvider implements FrameInflaterProvider {
    /** System property naming another library file (a name the dynamic linker searches for, or a path). */
    public static final String LIBRARY_PROPERTY = "jvq.libdeflate.library";
    public static final String DEFAULT_LIBRARY = "libdeflate.so.0";

    private final String library;
    private volatile Libdeflate lib;

    /** The library in {@value #LIBRARY_PROPERTY}, else {@value #DEFAULT_LIBRARY}. */
    public LibdeflateInflaterProvider() {
        this(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
    }

    /** This library file: a name the dynamic linker searches for, or a path. */
    public LibdeflateInflaterProvider(String library) {
        if (library == null || library.isBlank()) {
            throw new IllegalArgumentException("library must name a libdeflate file, got '" + library + "'");
        }
        this.library = library;
    }

    @Override
    public String name() {
        return "libdeflate (" + library + ")";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the library cannot be loaded (the message names it)
     */
    @Override
    public FrameInflater open(int maxInflatedBytes) {
        Libdeflate loaded = lib;
        if (loaded == null) {
            loaded = Libdeflate.load(library);
            lib = loaded;
        }
        return new LibdeflateInflater(loaded, maxInflatedBytes);
    }
}
