package io.jvq.bench.frames;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Raw DEFLATE (no zlib header), as the server compresses its binary pushes (docs/PROTOCOL.md §5). */
public final class Deflate {
    private Deflate() {
    }

    /** Compresses with the default level, which is what zlib-based servers use unless told otherwise. */
    public static byte[] raw(byte[] inflated) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(inflated);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(inflated.length / 2 + 64);
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
}
