package io.jvq.bench.e2e;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least a WebSocket client can be: a blocking socket, the upgrade request, and a loop over frame
 * headers that hands back each binary message's payload on the thread that called {@link #nextBinary}.
 * No event loop, no selector, no extension, no copy beyond the read itself: what a frame costs to
 * arrive, with none of a client library's machinery. It sends nothing after the upgrade; it skips
 * text messages and pings, and does not take fragmented messages (the fake never fragments).
 */
public final class BareWebSocket implements Closeable {
    private final Socket socket;
    private final DataInputStream in;

    private BareWebSocket(Socket socket, DataInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Connects to {@code ws://host:port/path?query} and completes the upgrade; throws with the server's answer if refused. */
    public static BareWebSocket open(URI uri) throws IOException {
        if (!"ws".equals(uri.getScheme()) || uri.getPort() < 0) {
            throw new IllegalArgumentException("need ws://host:port/..., got " + uri.getScheme() + "://" + uri.getAuthority());
        }
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        try {
            socket.setTcpNoDelay(true);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 20));
            String status = headerLine(in);
            for (String line = status; !line.isEmpty(); line = headerLine(in)) {
                // Headers are not needed: the status says whether the upgrade was taken.
            }
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + status);
            }
            return new BareWebSocket(socket, in);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Blocks until the next binary message has fully arrived and puts its payload at the start of
     * {@code into}; returns its length, or -1 when the server closed the connection.
     */
    public int nextBinary(byte[] into) throws IOException {
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (EOFException e) {
                return -1;
            }
            int second = in.readUnsignedByte();
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            if ((second & 0x80) != 0) {
                throw new IOException("the server masked a frame (opcode " + opcode + ")");
            }
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (!fin || opcode == 0) {
                throw new IOException("fragmented message (opcode " + opcode + "): not handled here");
            }
            if (opcode == 8) {
                return -1;
            }
            if (length > into.length) {
                throw new IOException("a frame of " + length + " bytes is over the buffer's " + into.length);
            }
            in.readFully(into, 0, (int) length);
            if (opcode == 2) {
                return (int) length;
            }
            // Text (the subscription's answer), ping or pong: not what is timed.
        }
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String headerLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("the connection closed during the upgrade after '" + line + "'");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
