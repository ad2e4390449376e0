package io.jvq.testkit.port;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RawServer.Frame;
import io.jvq.testkit.port.RawServer.Peer;
import io.jvq.testkit.port.RecordingSocketListener.Binary;
import io.jvq.testkit.port.RecordingSocketListener.Closed;
import io.jvq.testkit.port.RecordingSocketListener.Failed;
import io.jvq.testkit.port.RecordingSocketListener.Pong;
import io.jvq.testkit.port.RecordingSocketListener.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every {@link SocketPort} must do, whatever the technology under it: extend this class,
 * return a fresh port from {@link #createPort()}, and the transport is held to the same
 * behaviour as every other (the pattern of the AWS SDK's HTTP client SPI suite). The server is a
 * {@link RawServer}, so each test shapes the bytes on the wire itself.
 */
public abstract class SocketPortContract {
    /** Long enough that a transport scrubbing only {@code token=…} would leak it bare. */
    protected static final String TOKEN = "SeCrEtToKeN0123456789abcdef";
    protected static final int MAX_MESSAGE = 2 * 1024 * 1024;
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final RecordingSocketListener listener = new RecordingSocketListener();
    private SocketPort port;
    private RawServer server;

    /** A new, open port; the suite closes it after each test. */
    protected abstract SocketPort createPort();

    @BeforeEach
    void startContract() throws IOException {
        port = createPort();
        server = RawServer.webSocket(peer -> {
            peers.add(peer);
            released.await();
        });
    }

    @AfterEach
    void stopContract() throws IOException {
        released.countDown();
        port.close();
        server.close();
    }

    @Test
    void aTextMessageFromTheServerReachesOnText() throws Exception {
        Peer peer = open();

        peer.text("hello, 世界");

        assertEquals("hello, 世界", listener.next(Text.class).text());
        listener.assertContractHeld();
    }

    @Test
    void aTextMessageInContinuationFramesIsJoined() throws Exception {
        Peer peer = open();

        peer.fragmented(0x1, "sh600519=12,34,56".getBytes(StandardCharsets.UTF_8), 5);

        assertEquals("sh600519=12,34,56", listener.next(Text.class).text());
    }

    @Test
    void aLargeBinaryMessageInContinuationFramesIsJoinedByteForByte() throws Exception {
        Peer peer = open();
        byte[] message = pattern(MAX_MESSAGE - 1024);

        peer.fragmented(0x2, message, 16 * 1024);

        assertArrayEquals(message, listener.next(Binary.class).bytes());
    }

    @Test
    void theConnectFutureCompletesBeforeTheFirstMessageIsDelivered() throws Exception {
        try (RawServer eager = RawServer.webSocket(peer -> {
            peer.text("welcome");
            released.await();
        })) {
            CompletableFuture<CompletableFuture<SocketConnection>> attempt = new CompletableFuture<>();
            CompletableFuture<Boolean> doneAtFirstMessage = new CompletableFuture<>();
            listener.onTextHook = text -> doneAtFirstMessage.complete(attempt.join().isDone());

            attempt.complete(port.connect(new SocketRequest(eager.uri("ws", "/feed?token=" + TOKEN),
                    Duration.ofSeconds(5), MAX_MESSAGE), listener));

            assertTrue(doneAtFirstMessage.get(WAIT_SECONDS, TimeUnit.SECONDS));
            listener.assertContractHeld();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotEndTheConnection() throws Exception {
        Peer peer = open();
        listener.onTextHook = text -> {
            if (text.equals("first")) {
                throw new IllegalStateException("a bug in the listener");
            }
        };

        peer.text("first");
        peer.text("second");

        assertEquals("first", listener.next(Text.class).text());
        assertEquals("second", listener.next(Text.class).text());
        assertEquals(0, listener.terminalCount());
    }

    @Test
    void sendTextWritesOneTextFrameToTheServer() throws Exception {
        Peer peer = open();

        connection.sendText("add=lv1_600519").get(WAIT_SECONDS, TimeUnit.SECONDS);

        Frame frame = peer.readFrame();
        assertEquals(Frame.TEXT, frame.opcode());
        assertEquals("add=lv1_600519", frame.text());
    }

    @Test
    void sendTextOfNullThrowsAtOnce() throws Exception {
        open();

        assertThrows(NullPointerException.class, () -> connection.sendText(null));
    }

    @Test
    void theRequestCarriesTheWholeUriTokenIncluded() throws Exception {
        open();

        String requestLine = server.requestLines().poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("GET /feed?token=" + TOKEN + " HTTP/1.1", requestLine);
    }

    @Test
    void aPingIsAnsweredByOnPong() throws Exception {
        Peer peer = open();

        connection.sendPing();
        assertEquals(0x9, peer.readFrame().opcode());
        peer.frame(0xA, true, new byte[0]);

        listener.next(Pong.class);
    }

    @Test
    void aServerThatDoesNotAnswerPingsProducesNoOnPong() throws Exception {
        Peer peer = open();

        connection.sendPing();
        assertEquals(0x9, peer.readFrame().opcode());

        listener.assertQuietFor(QUIET);
    }

    @Test
    void aPingFromTheServerIsAnsweredWithItsPayload() throws Exception {
        Peer peer = open();

        peer.frame(0x9, true, "are you there".getBytes(StandardCharsets.UTF_8));

        Frame pong = peer.readFrame();
        assertEquals(Frame.PONG, pong.opcode());
        assertEquals("are you there", pong.text());
    }

    @Test
    void theServersCloseCodeAndReasonReachOnCloseOnce() throws Exception {
        Peer peer = open();

        peer.close(4001, "token expired");

        Closed closed = listener.next(Closed.class);
        assertEquals(4001, closed.code());
        assertEquals("token expired", closed.reason());
        listener.assertQuietFor(QUIET);
    }

    @Test
    void closeSendsTheCodeAndReasonAndReportsOnCloseOnce() throws Exception {
        Peer peer = open();
        String longest = "x".repeat(121) + "é";

        connection.close(4000, longest);

        Frame frame = peer.readFrame();
        assertEquals(Frame.CLOSE, frame.opcode());
        assertEquals(4000, frame.closeCode());
        assertEquals(longest, frame.closeReason());
        peer.close(4000, "");
        assertEquals(4000, listener.next(Closed.class).code());
        listener.assertQuietFor(QUIET);
    }

    @Test
    void aServerThatNeverAnswersOurCloseFrameDoesNotHoldUpClosingThePort() throws Exception {
        Peer peer = open();

        connection.close(1000, "bye");
        assertEquals(Frame.CLOSE, peer.readFrame().opcode());
        // The server never answers: the port lets the connection go within a few seconds.
        long start = System.nanoTime();
        port.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "closing the port took " + took);
        assertTrue(peer.awaitEndOfStream(), "the client sent more after its close frame");
    }

    @Test
    void closeRefusesCodesThatMayNotBeSentAndSendsNothing() throws Exception {
        Peer peer = open();

        for (int code : new int[] {999, 1004, 1005, 1006, 1015, 2999, 5000}) {
            assertThrows(IllegalArgumentException.class, () -> connection.close(code, ""), "code " + code);
        }
        connection.sendText("still open").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("still open", peer.readFrame().text());
    }

    @Test
    void closeRefusesAReasonOver123BytesRatherThanCutIt() throws Exception {
        Peer peer = open();

        assertThrows(IllegalArgumentException.class, () -> connection.close(1000, "x".repeat(122) + "é"));

        connection.sendText("still open").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("still open", peer.readFrame().text());
    }

    @Test
    void aServerThatIsCutWithoutACloseFrameIsReportedOnceAsAnError() throws Exception {
        Peer peer = open();

        peer.cut();

        assertNotNull(listener.next(Failed.class).error());
        listener.assertQuietFor(QUIET);
    }

    @Test
    void aMessageOverTheLimitEndsTheConnectionWithOneError() throws Exception {
        Peer peer = open(Duration.ofSeconds(5), 1024);

        peer.frame(0x2, true, pattern(4096));

        assertInstanceOf(Failed.class, listener.terminal());
        listener.assertQuietFor(QUIET);
    }

    @Test
    void abortDropsTheConnectionWithoutACloseFrame() throws Exception {
        Peer peer = open();

        connection.abort();

        try {
            Frame frame = peer.readFrame();
            fail("expected the connection to end without a frame, got opcode " + frame.opcode());
        } catch (IOException expected) {
            // end of stream or reset: no close frame came first
        }
        assertInstanceOf(Failed.class, listener.terminal());
    }

    @Test
    void aConnectThatIsNeverAnsweredTimesOutAsASocketTimeoutException() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            CompletableFuture<SocketConnection> attempt = port.connect(
                    new SocketRequest(silent.uri("ws", "/feed?token=" + TOKEN), Duration.ofMillis(300), MAX_MESSAGE),
                    listener);

            Throwable failure = failureOf(attempt);
            SocketTimeoutException timeout = assertInstanceOf(SocketTimeoutException.class, failure);
            assertTrue(timeout.getMessage().contains("timed out after 300 ms"), timeout.getMessage());
            assertTrue(timeout.getMessage().contains("token=***"), timeout.getMessage());
            assertNoTokenIn(failure);
            listener.assertQuietFor(QUIET);
            assertEquals(0, listener.terminalCount());
        }
    }

    @Test
    void aRefusedUpgradeNamesTheStatusAndNeverShowsTheTokenEvenBare() throws Exception {
        try (RawServer refusing = RawServer.scripted(peer -> peer.respond(403, "token " + TOKEN + " is not valid"))) {
            Throwable failure = failureOf(port.connect(
                    new SocketRequest(refusing.uri("ws", "/feed/" + TOKEN + "?token=" + TOKEN), Duration.ofSeconds(5),
                            MAX_MESSAGE), listener));

            assertTrue(chainText(failure).contains("403"), chainText(failure));
            assertNoTokenIn(failure);
        }
    }

    @Test
    void nothingListeningFailsTheConnectWithoutTheToken() throws Exception {
        URI nobody;
        try (RawServer gone = RawServer.silent()) {
            nobody = gone.uri("ws", "/feed?token=" + TOKEN);
        }

        Throwable failure = failureOf(port.connect(new SocketRequest(nobody, Duration.ofSeconds(5), MAX_MESSAGE),
                listener));

        assertNoTokenIn(failure);
    }

    @Test
    void aClosedPortRefusesToConnect() {
        port.close();

        CompletableFuture<SocketConnection> attempt;
        try {
            attempt = port.connect(new SocketRequest(server.uri("ws", "/feed?token=" + TOKEN), Duration.ofSeconds(5),
                    MAX_MESSAGE), listener);
        } catch (IllegalStateException thrownAtOnce) {
            return;
        }
        assertNotNull(failureOf(attempt));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The connection the last {@link #open} made. */
    protected SocketConnection connection;

    private Peer open() throws Exception {
        return open(Duration.ofSeconds(5), MAX_MESSAGE);
    }

    private Peer open(Duration connectTimeout, int maxMessageBytes) throws Exception {
        connection = port.connect(new SocketRequest(server.uri("ws", "/feed?token=" + TOKEN), connectTimeout,
                maxMessageBytes), listener).get(WAIT_SECONDS, TimeUnit.SECONDS);
        Peer peer = peers.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(peer, "the server saw no connection");
        return peer;
    }

    /** The cause a future failed with. */
    protected static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the future to fail, got " + e, e);
        }
        throw new AssertionError("expected the future to fail, it succeeded");
    }

    /** Neither the messages nor the printed stack trace of {@code failure} show the token, bare or not. */
    protected static void assertNoTokenIn(Throwable failure) {
        String text = chainText(failure);
        assertFalse(text.contains(TOKEN), "the token leaked: " + text);
    }

    private static String chainText(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        return printed.toString();
    }

    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }
}
