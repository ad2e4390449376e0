package io.jvq.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (RFC 1951, no zlib or gzip header) as jvQuant puts it on the wire: what
 * {@code new Deflater(level, true)} writes and Python's {@code zlib.decompress(b, -zlib.MAX_WBITS)}
 * reads.
 */
public final class RawDeflate {
    private RawDeflate() {
    }

    /** Deflates UTF-8 text at the default level. */
    public static byte[] deflate(String text) {
        return deflate(text.getBytes(StandardCharsets.UTF_8), Deflater.DEFAULT_COMPRESSION);
    }

    /** Deflates {@code input} as one finished raw stream. */
    public static byte[] deflate(byte[] input, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 4));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * A raw stream that inflates to {@code inflatedBytes} zero bytes: a decompression bomb, built in
     * chunks so that the inflated bytes are never held in memory.
     */
    public static byte[] bomb(long inflatedBytes) {
        if (inflatedBytes < 0) {
            throw new IllegalArgumentException("inflatedBytes must be >= 0, got " + inflatedBytes);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            byte[] zeros = new byte[1 << 16];
            byte[] chunk = new byte[8192];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long left = inflatedBytes;
            while (left > 0) {
                int n = (int) Math.min(zeros.length, left);
                deflater.setInput(zeros, 0, n);
                left -= n;
                while (!deflater.needsInput()) {
                    out.write(chunk, 0, deflater.deflate(chunk));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates a whole raw stream.
     *
     * @throws DataFormatException when the bytes are not a complete raw DEFLATE stream, or when the
     *                             output would pass {@code maxInflatedBytes}
     */
    public static byte[] inflate(byte[] input, long maxInflatedBytes) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length * 4));
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("raw DEFLATE stream ends before its final block");
                }
                if (out.size() + (long) n > maxInflatedBytes) {
                    throw new DataFormatException("inflates past " + maxInflatedBytes + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /**
     * {@code text} zlib-wrapped (a two-byte header a raw inflater rejects): what a server with the
     * wrong deflater sends.
     */
    static byte[] zlibWrapped(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            byte[] buffer = new byte[256];
            int n = deflater.deflate(buffer);
            return Arrays.copyOf(buffer, n);
        } finally {
            deflater.end();
        }
    }
}
