package io.jvq.transport.tyrus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare TCP server on 127.0.0.1 for the failures a real WebSocket server library will not
 * produce: a server that accepts TCP but never answers the upgrade, or one that upgrades and
 * then dies without a close frame.
 */
final class RawSocketServer implements AutoCloseable {
    interface AfterUpgrade {
        void run(Socket socket) throws IOException;
    }

    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawSocketServer(AfterUpgrade afterUpgrade) throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (afterUpgrade == null) {
            acceptor = null;
            return;
        }
        acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    accepted.add(socket);
                    upgrade(socket);
                    afterUpgrade.run(socket);
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens, and the kernel completes TCP handshakes, but nobody ever reads or answers. */
    static RawSocketServer silent() throws IOException {
        return new RawSocketServer(null);
    }

    /** Answers the upgrade with 101, then does {@code afterUpgrade} with the socket. */
    static RawSocketServer upgradingThen(AfterUpgrade afterUpgrade) throws IOException {
        return new RawSocketServer(afterUpgrade);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
    }

    /** Drops the connection with a TCP reset: the server process died. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** An unmasked server frame header for {@code length} payload bytes. */
    static byte[] frameHeader(int opcode, boolean fin, int length) {
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

    private static void upgrade(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client went away during the upgrade");
            }
            head.write(b);
        }
        String key = null;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
