package io.jvq.inflate.libdeflate;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The three functions of libdeflate's C API this module calls, bound once per library. The
 * decompression call is a critical downcall: it takes the Java arrays themselves (no copy to native
 * memory), and it is short, so holding the collector off meanwhile costs nothing.
 */
final class Libdeflate {
    /** {@code enum libdeflate_result}. */
    static final int SUCCESS = 0;
    static final int BAD_DATA = 1;
    static final int INSUFFICIENT_SPACE = 3;

    private final String library;
    private final MethodHandle alloc;
    private final MethodHandle free;
    private final MethodHandle decompress;

    // Binding native code is what this class is for; the JVM warns once unless --enable-native-access names it.
    @SuppressWarnings("restricted")
    private Libdeflate(String library, SymbolLookup symbols) {
        Linker linker = Linker.nativeLinker();
        this.library = library;
        this.alloc = linker.downcallHandle(find(symbols, "libdeflate_alloc_decompressor"),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        this.free = linker.downcallHandle(find(symbols, "libdeflate_free_decompressor"),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        // enum libdeflate_result libdeflate_deflate_decompress_ex(struct libdeflate_decompressor *d,
        //     const void *in, size_t in_nbytes, void *out, size_t out_nbytes_avail,
        //     size_t *actual_in_nbytes_ret, size_t *actual_out_nbytes_ret)
        this.decompress = linker.downcallHandle(find(symbols, "libdeflate_deflate_decompress_ex"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS),
                Linker.Option.critical(true));
    }

    /**
     * Loads {@code library} (a file name the dynamic linker searches for, or a path) for the life of
     * the JVM.
     *
     * @throws IllegalArgumentException naming the library when it cannot be loaded or lacks a function
     */
    @SuppressWarnings("restricted")
    static Libdeflate load(String library) {
        return new Libdeflate(library, SymbolLookup.libraryLookup(library, Arena.global()));
    }

    private MemorySegment find(SymbolLookup symbols, String name) {
        return symbols.find(name).orElseThrow(() -> new IllegalArgumentException(library + " has no function " + name));
    }

    String library() {
        return library;
    }

    /** A new decompressor; free it with {@link #free}. */
    MemorySegment allocDecompressor() {
        MemorySegment decompressor;
        try {
            decompressor = (MemorySegment) alloc.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("libdeflate_alloc_decompressor failed", e);
        }
        if (decompressor.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_decompressor returned NULL");
        }
        return decompressor;
    }

    void free(MemorySegment decompressor) {
        try {
            free.invokeExact(decompressor);
        } catch (Throwable e) {
            throw new IllegalStateException("libdeflate_free_decompressor failed", e);
        }
    }

    /** Inflates {@code in} into {@code out}; the bytes written go to {@code actualOut} (a size_t). */
    int decompress(MemorySegment decompressor, MemorySegment in, MemorySegment out, MemorySegment actualIn,
                   MemorySegment actualOut) {
        try {
            return (int) decompress.invokeExact(decompressor, in, in.byteSize(), out, out.byteSize(), actualIn, actualOut);
        } catch (Throwable e) {
            throw new IllegalStateException("libdeflate_deflate_decompress_ex failed", e);
        }
    }
}
