package io.jvq.core.json;

import io.jvq.core.Digits;
import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that text is encoded into as UTF-8 as it is appended, for writers that
 * send bytes (stdout, a Kafka value) and reuse one buffer: once it has grown to its working size,
 * appending numbers, times and strings allocates nothing. Not thread-safe.
 */
public final class Utf8Buffer {
    private byte[] bytes;
    private int length;

    public Utf8Buffer(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int length() {
        return length;
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        length = 0;
    }

    /** An ASCII character (below U+0080). */
    public Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII (field names, symbols, colour codes). */
    public Utf8Buffer ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Any text, encoded as UTF-8 (an unpaired surrogate becomes {@code ?}, as {@link String#getBytes} does). */
    public Utf8Buffer text(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ensure(1);
                bytes[length++] = (byte) c;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, text.charAt(++i)));
            } else {
                codePoint(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return this;
    }

    /** One character, which must not be a surrogate (use {@link #text} for text that may hold any). */
    public Utf8Buffer character(char c) {
        return c < 0x80 ? ascii(c) : codePoint(Character.isSurrogate(c) ? '?' : c);
    }

    private Utf8Buffer codePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            bytes[length++] = (byte) cp;
        } else if (cp < 0x800) {
            bytes[length++] = (byte) (0xC0 | (cp >> 6));
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            bytes[length++] = (byte) (0xE0 | (cp >> 12));
            bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            bytes[length++] = (byte) (0xF0 | (cp >> 18));
            bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
        }
        return this;
    }

    /** A whole number in decimal. */
    public Utf8Buffer number(long value) {
        ensure(Digits.MAX_BYTES);
        length = Digits.write(bytes, length, value);
        return this;
    }

    /** A fixed-point value as {@link FixedPoint#format} writes it. */
    public Utf8Buffer fixedPoint(long fixed) {
        ensure(FixedPoint.MAX_TEXT_BYTES);
        length = FixedPoint.write(bytes, length, fixed);
        return this;
    }

    /** A time of day as {@link TimeOfDay#format} writes it. */
    public Utf8Buffer timeOfDay(int millisOfDay, boolean withMillis) {
        ensure(TimeOfDay.MAX_TEXT_BYTES);
        length = TimeOfDay.write(bytes, length, millisOfDay, withMillis);
        return this;
    }

    /** Writes the bytes to {@code out} (without flushing it). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The bytes decoded. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
        }
    }
}
