package io.jvq.testkit.port;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A bare TCP server on 127.0.0.1 that plays HTTP and WebSocket byte by byte, so that a port
 * contract can make it misbehave the way no server library would: fragmented frames, any close
 * code, a cut without a close frame, no pongs, redirects, bodies that are slow, huge, chunked or
 * not JSON. Each accepted connection reads the request head, then runs the {@link Script}.
 */
public final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection, after reading its request head. */
    @FunctionalInterface
    public interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> requestLines = new LinkedBlockingQueue<>();

    private RawServer(Script script) throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (script == null) {
            return;
        }
        Thread acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    return;
                }
                accepted.add(socket);
                Thread worker = new Thread(() -> serve(socket, script), "raw-server-peer");
                worker.setDaemon(true);
                worker.start();
            }
        }, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Runs {@code script} for every connection. */
    public static RawServer scripted(Script script) throws IOException {
        return new RawServer(script);
    }

    /** Listens, and the kernel completes TCP handshakes, but nobody ever reads or answers. */
    public static RawServer silent() throws IOException {
        return new RawServer(null);
    }

    /** Answers every WebSocket upgrade with 101, then runs {@code afterUpgrade}. */
    public static RawServer webSocket(Script afterUpgrade) throws IOException {
        return new RawServer(peer -> {
            peer.acceptUpgrade();
            afterUpgrade.run(peer);
        });
    }

    /** Answers every HTTP request with {@code status} and {@code body}, with a Content-Length. */
    public static RawServer http(int status, String body) throws IOException {
        return new RawServer(peer -> peer.respond(status, body));
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public URI uri(String scheme, String pathAndQuery) {
        return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
    }

    /** The request line of every request so far, e.g. {@code GET /server?market=ab&… HTTP/1.1}, in order. */
    public BlockingQueue<String> requestLines() {
        return requestLines;
    }

    private void serve(Socket socket, Script script) {
        try (socket) {
            Peer peer = new Peer(socket);
            requestLines.add(peer.head.split("\r\n", 2)[0]);
            script.run(peer);
        } catch (Exception e) {
            // The client went away, or the script ended the connection: both are the test's business.
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    /** One accepted connection, its request head already read. */
    public static final class Peer {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final String head;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.head = readHead(in);
        }

        /** The request head: request line and headers. */
        public String head() {
            return head;
        }

        /** Writes raw bytes (no framing at all). */
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        public void write(String latin1) throws IOException {
            write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** A whole HTTP/1.1 response with a Content-Length, then the connection closes. */
        public void respond(int status, String body) throws IOException {
            respond(status, body, "");
        }

        /** A whole HTTP/1.1 response with extra header lines (each ending in CRLF). */
        public void respond(int status, String body, String extraHeaders) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n" + extraHeaders + "\r\n");
            write(bytes);
        }

        /** Answers the WebSocket upgrade with 101 Switching Protocols. */
        public void acceptUpgrade() throws IOException {
            String key = header("sec-websocket-key");
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n");
        }

        /** A header value from the request head, or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** One unmasked server frame. */
        public void frame(int opcode, boolean fin, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.writeBytes(frameHeader(opcode, fin, payload.length));
            frame.writeBytes(payload);
            write(frame.toByteArray());
        }

        public void text(String text) throws IOException {
            frame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code message} as a first frame of {@code opcode} and continuation frames, {@code size} bytes each. */
        public void fragmented(int opcode, byte[] message, int size) throws IOException {
            for (int from = 0; from < message.length; from += size) {
                byte[] part = java.util.Arrays.copyOfRange(message, from, Math.min(message.length, from + size));
                frame(from == 0 ? opcode : 0x0, from + size >= message.length, part);
            }
        }

        /** A close frame with {@code code} and {@code reason}. */
        public void close(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            frame(0x8, true, payload);
        }

        /** Drops the connection with a TCP reset, no close frame: the server process died. */
        public void cut() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** The next frame the client sent, unmasked; end of stream is an {@link EOFException}. */
        public Frame readFrame() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return new Frame(first & 0x0F, (first & 0x80) != 0, payload);
        }

        /** Blocks until the client closes the TCP connection (returns) or sends a byte (returns false). */
        public boolean awaitEndOfStream() throws IOException {
            try {
                return in.read() < 0;
            } catch (IOException e) {
                return true;
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("client went away during the request head");
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** An unmasked (server) frame header for {@code length} payload bytes. */
    public static byte[] frameHeader(int opcode, boolean fin, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (length <= 125) {
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(126);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift));
            }
        }
        return out.toByteArray();
    }

    /** A frame the client sent. */
    public record Frame(int opcode, boolean fin, byte[] payload) {
        public static final int TEXT = 0x1;
        public static final int CLOSE = 0x8;
        public static final int PONG = 0xA;

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's code, or 1005 when it carries none. */
        public int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }
}
