package io.jvq.bench.e2e;

import io.jvq.core.client.ClientOptions;
import io.jvq.testkit.FakeJvQuant;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server with none of the fake's machinery, in this process: it answers discovery, takes one
 * WebSocket upgrade, and the {@link Pacer}'s own thread writes each frame on the socket (a blocking
 * write, no event loop, no hand-off). Set beside {@link InProcessFeed} it shows what the fake's send
 * path (Vert.x: its event loop pacing and writing) adds to the latency. It checks no token, ignores
 * the client's commands and pings, ends the connection on the client's close frame, and serves one client.
 */
public final class BareFeed implements PacedFeed {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String PATH = "/bare";

    private final ServerSocket listener;
    private final SendLog log;
    private final Pacer pacer;
    private final CountDownLatch upgraded = new CountDownLatch(1);
    private volatile Socket client;
    private volatile OutputStream out;

    private BareFeed(int rate, int frameBytes, ServerSocket listener) {
        MarkedFrames frames = MarkedFrames.forRate(rate, frameBytes);
        this.listener = listener;
        this.log = SendLog.inMemory(frames.slots());
        this.pacer = new Pacer(frames, log, rate, (slot, frame) -> write(frame));
    }

    public static BareFeed start(int rate, int frameBytes) {
        try {
            BareFeed feed = new BareFeed(rate, frameBytes, new ServerSocket(0, 4, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(feed::accept, "jvq-bench-bare-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return feed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    @Override
    public ClientOptions clientOptions() {
        return ClientRig.optionsForFake(listener.getLocalPort());
    }

    @Override
    public SendLog log() {
        return log;
    }

    @Override
    public void startPacing() {
        try {
            if (!upgraded.await(ClientRig.CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no client upgraded within " + ClientRig.CONNECT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the client", e);
        }
        pacer.start();
    }

    @Override
    public void stopPacing() throws InterruptedException {
        pacer.stop();
    }

    @Override
    public void close() {
        try {
            pacer.stopQuietly();
        } finally {
            closeQuietly(listener);
            if (client != null) {
                closeQuietly(client);
            }
        }
    }

    /** One request per connection: discovery (answered and closed), or the upgrade (kept). */
    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                String request = readHead(in);
                if (request.startsWith("GET " + FakeJvQuant.DISCOVERY_PATH)) {
                    String body = "{\"code\":\"0\",\"server\":\"127.0.0.1:" + listener.getLocalPort() + PATH + "\"}";
                    reply(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length() + "\r\nConnection: close\r\n\r\n" + body);
                    socket.close();
                } else if (request.startsWith("GET " + PATH) && client == null) {
                    reply(socket, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept(header(request, "sec-websocket-key")) + "\r\n\r\n");
                    client = socket;
                    out = new BufferedOutputStream(socket.getOutputStream(), 1 << 20);
                    Thread drain = new Thread(() -> drain(socket, in), "jvq-bench-bare-drain");
                    drain.setDaemon(true);
                    drain.start();
                    upgraded.countDown();
                } else {
                    reply(socket, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket.close();
                }
            }
        } catch (IOException e) {
            if (!listener.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One final binary frame, unmasked, written on the caller's (the pacer's) thread. */
    private void write(byte[] frame) {
        try {
            int n = frame.length;
            out.write(0x82);
            if (n < 126) {
                out.write(n);
            } else if (n < 65536) {
                out.write(126);
                out.write(n >>> 8);
                out.write(n);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) n >>> shift));
                }
            }
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client is gone", e);
        }
    }

    /**
     * Reads the client's frames (its commands and pings, which the bare server does not answer) so
     * that they never back up; on its close frame, ends the connection instead of answering it.
     */
    private static void drain(Socket socket, InputStream input) {
        DataInputStream in = new DataInputStream(input);
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                in.skipNBytes(4 + length); // the mask, then the payload
                if (opcode == 8) {
                    socket.close();
                    return;
                }
            }
        } catch (IOException e) {
            // The connection closed: the run is over.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in a request's head: '" + head + "'");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new IllegalArgumentException("the upgrade request has no " + name + " header");
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static void reply(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing at the end of a run.
        }
    }
}
