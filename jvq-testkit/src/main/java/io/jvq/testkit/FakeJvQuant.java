package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.ReplaySpeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/**
 * A faithful fake of jvQuant on one loopback port: the discovery endpoint and the quote WebSocket,
 * with a test API that reads as a conversation.
 *
 * <pre>{@code
 * try (FakeJvQuant server = FakeJvQuant.builder().start()) {
 *     // point a client at server.discoveryUrl() with server.token() ...
 *     assertThat(server.takeCommand(Duration.ofSeconds(5)).text()).isEqualTo("all=lv1_600519");
 *     server.pushQuotes("lv1_600519=14:59:59,贵州茅台,1700.50,…");
 *     server.cutAll();                                   // the client must re-discover and resubscribe
 *     assertThat(server.takeCommand(Duration.ofSeconds(5)).text()).isEqualTo("all=lv1_600519");
 * }
 * }</pre>
 *
 * <h2>Discovery</h2>
 * {@code GET /server?market=ab&type=websocket&token=T} answers HTTP 200
 * {@code {"code":"0","server":"127.0.0.1:<port>/<path>"}}. A wrong or missing token, market or type
 * answers HTTP 200 with a non-{@code "0"} code and a {@code message} ({@link DiscoveryCodes}).
 * With path rotation (the default) every discovery hands out a new path that admits exactly one
 * upgrade: a client that reconnects without asking discovery again is refused.
 *
 * <h2>WebSocket</h2>
 * The upgrade is refused with HTTP 404 for an unknown path, 410 for a path already used, and 401
 * when the {@code token} query parameter is missing or wrong (other parameters are ignored).
 * Each connection keeps its own subscription and answers every text frame with exactly one text
 * frame: {@code add ok: lv1_600519,lv2_000001}, {@code del ok: …}, {@code all ok: …} (or
 * {@code all ok:} for {@code all=}), {@code list: lv1_600519,lv2_000001} (or {@code list:}), and
 * {@code error: <what was wrong>} for anything malformed (the subscription is then unchanged).
 * A binary frame from a client gets {@code error: binary frames are not commands…}.
 * Quotes go out as binary frames of raw DEFLATE (no zlib header), one frame per push per
 * connection, holding only the lines of codes that connection subscribes to.
 *
 * <h2>Threads</h2>
 * The fake owns a Vert.x instance with one event loop and one feed thread named
 * {@code jvq-fake-<port>-feed}; {@link #close()} stops them all. Blocking test methods
 * ({@code take…}, {@code await…}) wait on the calling thread, never on the event loop.
 * A command is applied to its connection's subscription before {@link #takeCommand} returns it,
 * so a push right after {@code takeCommand} already sees the new subscription.
 */
public final class FakeJvQuant implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FakeJvQuant.class);

    public static final String DEFAULT_TOKEN = "test-token";
    public static final String DEFAULT_MARKET = "ab";
    /** The discovery endpoint's path. */
    public static final String DISCOVERY_PATH = "/server";
    /** The most a recorded binary frame may inflate to before replay sends it unfiltered. */
    static final long REPLAY_INFLATE_LIMIT = 64L * 1024 * 1024;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final String token;
    private final String market;
    private final boolean advertiseScheme;
    /** Sent as a text frame to every new connection before anything else; null for none. */
    private final String welcome;
    private final int deflateLevel;
    private final ServerPaths paths;
    private final Vertx vertx;
    private final HttpServer http;
    private final int port;
    private final ScheduledExecutorService feedThread;

    private final Map<Integer, FakeConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger refusedUpgrades = new AtomicInteger();
    private final BlockingQueue<ClientCommand> commands = new LinkedBlockingQueue<>();
    private final Queue<DiscoveryFault> discoveryFaults = new ConcurrentLinkedQueue<>();
    private final List<Replay> replays = new CopyOnWriteArrayList<>();
    private final AtomicReference<ScheduledFuture<?>> feed = new AtomicReference<>();
    private final AtomicReference<Throwable> feedFailure = new AtomicReference<>();
    /** Notified whenever a count changes, for the await methods. */
    private final Object changes = new Object();
    private volatile boolean closed;

    private FakeJvQuant(Builder builder) {
        this.token = builder.token;
        this.welcome = builder.welcome;
        this.market = builder.market;
        this.advertiseScheme = builder.advertiseScheme;
        this.deflateLevel = builder.deflateLevel;
        this.paths = new ServerPaths(builder.rotatePaths);
        // One event loop is plenty for a test server and keeps its thread set fixed after start.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(builder.port).setHttp2ClearTextEnabled(false)
                .setMaxWebSocketMessageSize(builder.maxCommandBytes).setMaxWebSocketFrameSize(builder.maxCommandBytes));
        server.requestHandler(this::onHttp)
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(this::onWebSocket);
        try {
            this.http = await(server.listen(), START_TIMEOUT, "listening on 127.0.0.1:" + builder.port);
        } catch (RuntimeException e) {
            awaitQuietly(vertx.close(), CLOSE_TIMEOUT);
            throw e;
        }
        this.port = http.actualPort();
        this.feedThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvq-fake-" + port + "-feed");
            t.setDaemon(true);
            return t;
        });
        log.info("fake jvQuant listening on 127.0.0.1:{} (market {}, path rotation {})", port, market,
                paths.rotates() ? "on" : "off");
    }

    /** A builder with token {@value #DEFAULT_TOKEN}, market {@value #DEFAULT_MARKET}, an ephemeral port, path rotation on. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a fake with the defaults. */
    public static FakeJvQuant start() {
        return builder().start();
    }

    // ---------------------------------------------------------------- addresses

    public int port() {
        return port;
    }

    /** The token the fake accepts (a test value; real tokens never belong in tests). */
    public String token() {
        return token;
    }

    public String market() {
        return market;
    }

    /** The discovery endpoint without its query: {@code http://127.0.0.1:<port>/server}. */
    public URI discoveryUrl() {
        return URI.create("http://127.0.0.1:" + port + DISCOVERY_PATH);
    }

    /**
     * A WebSocket URL without the token, for clients that skip discovery:
     * {@code ws://127.0.0.1:<port>/<path>}. With path rotation this issues a fresh one-use path, like
     * a discovery call that is not counted in {@link #discoveryCount()}.
     */
    public URI webSocketUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/" + paths.issue());
    }

    /** Client options aimed at this fake: its token, market and discovery URL. */
    public ClientOptions.Builder clientOptions() {
        return ClientOptions.builder(token).market(market).discoveryUrl(discoveryUrl());
    }

    // ---------------------------------------------------------------- what clients did

    /**
     * The next text frame any client sent, waiting up to {@code timeout}.
     *
     * @throws AssertionError when none arrives in time
     */
    public ClientCommand takeCommand(Duration timeout) {
        return pollCommand(timeout).orElseThrow(() -> new AssertionError("no command from any client within "
                + timeout + " (open connections: " + connectionCount() + ", accepted: " + acceptedConnectionCount()
                + ", discoveries: " + discoveryCount() + ")"));
    }

    /** The next text frame any client sent, or empty when none arrives within {@code timeout}. */
    public Optional<ClientCommand> pollCommand(Duration timeout) {
        try {
            return Optional.ofNullable(commands.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a command", e);
        }
    }

    /** Commands received and not yet taken, oldest first; removes them. */
    public List<ClientCommand> drainCommands() {
        List<ClientCommand> out = new ArrayList<>();
        commands.drainTo(out);
        return out;
    }

    /** Discovery requests received (on {@value #DISCOVERY_PATH}), including refused and failed ones. */
    public int discoveryCount() {
        return discoveries.get();
    }

    /** WebSocket connections open now. */
    public int connectionCount() {
        return connections.size();
    }

    /** WebSocket connections accepted since start. */
    public int acceptedConnectionCount() {
        return connectionIds.get();
    }

    /** WebSocket upgrades refused (unknown or used path, wrong token) since start. */
    public int refusedUpgradeCount() {
        return refusedUpgrades.get();
    }

    /** Ids of the open connections, in order of acceptance. */
    public List<Integer> openConnectionIds() {
        return connections.keySet().stream().sorted().toList();
    }

    /**
     * The subscription of an open connection, in the order codes were added.
     *
     * @throws IllegalArgumentException when no such connection is open
     */
    public List<SubscriptionCode> subscriptionOf(int connectionId) {
        FakeConnection connection = connections.get(connectionId);
        if (connection == null) {
            throw new IllegalArgumentException("no open connection #" + connectionId + "; open: " + openConnectionIds());
        }
        return connection.subscription();
    }

    /** Waits until exactly {@code n} connections are open. */
    public void awaitConnections(int n, Duration timeout) {
        awaitCondition(() -> connections.size() == n, timeout,
                () -> n + " open connection(s); open now: " + connections.size());
    }

    /** Waits until at least {@code n} connections have been accepted since start. */
    public void awaitAcceptedConnections(int n, Duration timeout) {
        awaitCondition(() -> connectionIds.get() >= n, timeout,
                () -> n + " accepted connection(s); accepted so far: " + connectionIds.get());
    }

    /** Waits until at least {@code n} discovery requests have arrived since start. */
    public void awaitDiscoveries(int n, Duration timeout) {
        awaitCondition(() -> discoveries.get() >= n, timeout,
                () -> n + " discovery request(s); received so far: " + discoveries.get());
    }

    // ---------------------------------------------------------------- pushing

    /**
     * Sends quote lines ({@code code=payload}, separated by {@code \n}) to every open connection as
     * one raw-DEFLATE binary frame holding only the lines of that connection's codes; a connection
     * with none of the codes gets nothing. When a connection takes every line, it gets exactly the
     * given text.
     *
     * @return how many connections were sent a frame
     * @throws IllegalArgumentException when a line has no valid {@code code=} prefix (send such lines
     *                                  with {@link #pushMalformedLines})
     */
    public int pushQuotes(String lines) {
        QuoteText.requireWellFormed(lines);
        return pushFiltered(lines, null);
    }

    /** Deflates {@code text} as is and sends it to every open connection, whatever its subscription. */
    public int pushQuotesToAll(String text) {
        return pushBinary(deflate(text));
    }

    /**
     * Sends lines that break the quote grammar (no code, unknown flag, missing fields, …), joined with
     * {@code \n}, deflated, to every open connection, whatever its subscription.
     */
    public int pushMalformedLines(String... lines) {
        return pushQuotesToAll(String.join("\n", lines));
    }

    /** Sends these exact bytes as one binary frame to every open connection. */
    public int pushBinary(byte[] exactWireBytes) {
        Objects.requireNonNull(exactWireBytes, "exactWireBytes");
        return forEachConnection(c -> c.sendBinary(exactWireBytes));
    }

    /** Sends one text frame to every open connection. */
    public int pushText(String text) {
        Objects.requireNonNull(text, "text");
        return forEachConnection(c -> c.sendText(text));
    }

    /**
     * Sends a binary frame that is not raw DEFLATE: the quote text {@code lv1_600519=…} zlib-wrapped
     * (a two-byte header a raw inflater rejects), the mistake a server with the wrong deflater makes.
     */
    public int pushNotDeflate() {
        return pushBinary(NOT_RAW_DEFLATE.clone());
    }

    /** The bytes {@link #pushNotDeflate()} sends. */
    public static byte[] notRawDeflateBytes() {
        return NOT_RAW_DEFLATE.clone();
    }

    private static final byte[] NOT_RAW_DEFLATE = zlibWrapped("lv1_600519=not raw deflate\n");

    private static byte[] zlibWrapped(String text) {
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

    /** Sends a raw-DEFLATE frame that inflates to {@code inflatedBytes} zero bytes (a decompression bomb). */
    public int pushBomb(long inflatedBytes) {
        return pushBinary(RawDeflate.bomb(inflatedBytes));
    }

    // ---------------------------------------------------------------- connection faults

    /** Closes every open connection with a close frame carrying {@code code} and {@code reason}. */
    public void closeAll(int code, String reason) {
        if (!CaptureEntry.isSendableCloseCode(code)) {
            throw new IllegalArgumentException("close code " + code
                    + " cannot be sent in a close frame (1000-1003, 1007-1014 or 3000-4999)");
        }
        forEachConnection(c -> {
            c.close(code, reason == null ? "" : reason);
            return true;
        });
    }

    /**
     * Drops every open connection's TCP connection at once, with no close frame: a TCP reset, so the
     * client's next read fails ("connection reset"), as when the server crashes.
     */
    public void cutAll() {
        forEachConnection(c -> {
            c.cut();
            return true;
        });
    }

    /**
     * Freezes the connections open now: nothing more is sent, nothing is read, so pings stay
     * unanswered and commands unread (Vert.x answers pings itself as soon as it reads them, so the
     * fake stops reading the socket). Connections accepted later work normally: a client that gives
     * up on a silent connection and reconnects gets served. A stalled connection, not reading, does not
     * notice its client leaving until {@link #resume()}, so it still counts in {@link #connectionCount()}.
     * Returns when the stall is in effect.
     */
    public void stall() {
        forEachConnection(c -> {
            c.stall();
            return true;
        });
    }

    /** Unfreezes stalled connections; what waited in their buffers is read and answered now. */
    public void resume() {
        forEachConnection(c -> {
            if (c.isStalled()) {
                c.resume();
            }
            return true;
        });
    }

    // ---------------------------------------------------------------- discovery faults

    /** The next {@code n} discovery calls answer HTTP 200 with code {@link DiscoveryCodes#REFUSED}. */
    public void refuseNextDiscoveries(int n) {
        failNextDiscoveries(n, DiscoveryFault.refusal());
    }

    /** The next {@code n} discovery calls fail with {@code fault} (queued after faults already scripted). */
    public void failNextDiscoveries(int n, DiscoveryFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        for (int i = 0; i < n; i++) {
            discoveryFaults.add(fault);
        }
    }

    // ---------------------------------------------------------------- feed and replay

    /**
     * Every {@code tickInterval}, asks {@code source} for a tick for the union of all open connections'
     * subscriptions and sends each connection the lines of its codes (one frame each). The market
     * simulator plugs in as {@code server.startFeed(simulator::nextTick, interval)}. Replaces a
     * running feed. If the source throws or returns a malformed line, the feed stops, the failure is
     * logged and {@link #stopFeed()} throws it.
     */
    public void startFeed(QuoteSource source, Duration tickInterval) {
        Objects.requireNonNull(source, "source");
        if (tickInterval.isZero() || tickInterval.isNegative()) {
            throw new IllegalArgumentException("tickInterval must be positive, got " + tickInterval);
        }
        requireOpen();
        feedFailure.set(null);
        long nanos = tickInterval.toNanos();
        ScheduledFuture<?> previous = feed.getAndSet(feedThread.scheduleAtFixedRate(() -> tick(source), nanos, nanos,
                TimeUnit.NANOSECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * Stops the feed (no-op without one).
     *
     * @throws IllegalStateException when the feed had stopped on a failure of its source
     */
    public void stopFeed() {
        ScheduledFuture<?> running = feed.getAndSet(null);
        if (running != null) {
            running.cancel(false);
        }
        Throwable failure = feedFailure.getAndSet(null);
        if (failure != null) {
            throw new IllegalStateException("the quote feed had stopped: " + failure.getMessage(), failure);
        }
    }

    /** Why the feed stopped on its own, if it did (cleared by {@link #stopFeed()} and {@link #startFeed}). */
    public Optional<Throwable> feedFailure() {
        return Optional.ofNullable(feedFailure.get());
    }

    private void tick(QuoteSource source) {
        try {
            Set<SubscriptionCode> union = new LinkedHashSet<>();
            for (FakeConnection c : openConnections()) {
                union.addAll(c.subscription());
            }
            String text = source.nextTick(Set.copyOf(union));
            if (text != null && !text.isEmpty()) {
                pushQuotes(text);
            }
        } catch (RuntimeException | Error e) {
            feedFailure.set(e);
            log.error("fake jvQuant: quote feed stopped, its source failed", e);
            throw e;
        }
    }

    /**
     * Replays a capture on a thread of its own, to the connections open at each entry: text entries
     * as text frames to every connection; quotes entries filtered like {@link #pushQuotes} (a line
     * without a valid code goes to every connection, as a broken server would send it); binary entries
     * filtered per connection (a connection that takes every line gets the exact recorded bytes, one
     * that takes some gets those lines re-deflated, one that takes none gets nothing; a recorded frame
     * that does not inflate goes as is to every connection); faults like {@link #closeAll},
     * {@link #cutAll} and {@link #stall()} (resumed after the stall's length); command entries are
     * skipped.
     */
    public Replay replay(Capture capture, ReplaySpeed speed) {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(speed, "speed");
        requireOpen();
        Replay replay = new Replay(this, capture, speed, "jvq-fake-" + port + "-replay");
        replays.add(replay);
        replay.done().whenComplete((v, e) -> replays.remove(replay));
        replay.start();
        return replay;
    }

    /** Replay's way to send recorded quote text: filtered like {@link #pushQuotes}, malformed lines to everyone. */
    int pushRecordedQuotes(String text) {
        return pushFiltered(text, null);
    }

    /** Replay's way to send a recorded binary frame (see {@link #replay}). */
    int pushRecordedBinary(byte[] wire) {
        String text;
        try {
            text = new String(RawDeflate.inflate(wire, REPLAY_INFLATE_LIMIT), StandardCharsets.UTF_8);
        } catch (DataFormatException notQuotes) {
            return pushBinary(wire);
        }
        return pushFiltered(text, wire);
    }

    /**
     * Sends each open connection the lines of {@code text} for its codes, deflated; a connection that
     * takes every line gets {@code wholeFrame} (deflated here when {@code null}).
     */
    private int pushFiltered(String text, byte[] wholeFrame) {
        Map<String, byte[]> partialFrames = new HashMap<>();
        byte[] whole = wholeFrame;
        int sent = 0;
        for (FakeConnection c : openConnections()) {
            String mine = QuoteText.filter(text, c.subscribedWireCodes());
            if (mine.isEmpty()) {
                continue;
            }
            byte[] frame;
            if (mine == text) { // filter returns the very same string when it keeps every line
                if (whole == null) {
                    whole = deflate(text);
                }
                frame = whole;
            } else {
                frame = partialFrames.computeIfAbsent(mine, this::deflate);
            }
            if (c.sendBinary(frame)) {
                sent++;
            }
        }
        return sent;
    }

    private byte[] deflate(String text) {
        return RawDeflate.deflate(text.getBytes(StandardCharsets.UTF_8), deflateLevel);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops feed and replays, closes every connection and the port, and stops every thread the fake owns. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScheduledFuture<?> running = feed.getAndSet(null);
        if (running != null) {
            running.cancel(false);
        }
        for (Replay replay : replays) {
            replay.cancel();
        }
        feedThread.shutdownNow();
        try {
            if (!feedThread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("fake jvQuant: feed thread did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Replay replay : replays) {
            replay.join(CLOSE_TIMEOUT);
        }
        awaitQuietly(vertx.close(), CLOSE_TIMEOUT);
        signal();
        log.info("fake jvQuant on port {} closed", port);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "FakeJvQuant[127.0.0.1:" + port + ", market " + market + ", open connections " + connectionCount() + "]";
    }

    // ---------------------------------------------------------------- the server side (event loop)

    private void onHttp(HttpServerRequest request) {
        if (!DISCOVERY_PATH.equals(request.path())) {
            request.response().setStatusCode(404).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("fake jvQuant: no such endpoint " + request.path() + "; discovery is GET " + DISCOVERY_PATH);
            return;
        }
        if (request.method() != HttpMethod.GET) {
            request.response().setStatusCode(405).putHeader("allow", "GET").end();
            return;
        }
        int n = discoveries.incrementAndGet();
        signal();
        DiscoveryFault fault = discoveryFaults.poll();
        if (fault == null) {
            answerDiscovery(request);
        } else {
            log.info("discovery #{}: scripted fault {}", n, fault);
            failDiscovery(request, fault);
        }
    }

    private void answerDiscovery(HttpServerRequest request) {
        String givenToken = request.getParam("token");
        String givenMarket = request.getParam("market");
        String givenType = request.getParam("type");
        JsonObject reply;
        if (!token.equals(givenToken)) {
            reply = refusal(DiscoveryCodes.BAD_TOKEN, givenToken == null ? "token is missing" : "invalid token");
        } else if (!market.equals(givenMarket)) {
            reply = refusal(DiscoveryCodes.BAD_MARKET, "unknown market '" + givenMarket + "'; this server serves '"
                    + market + "'");
        } else if (!"websocket".equals(givenType)) {
            reply = refusal(DiscoveryCodes.BAD_TYPE, "unknown type '" + givenType + "'; expected 'websocket'");
        } else {
            String server = "127.0.0.1:" + port + "/" + paths.issue();
            reply = new JsonObject().put("code", DiscoveryCodes.OK).put("server", advertiseScheme ? "ws://" + server : server);
        }
        if (!reply.getString("code").equals(DiscoveryCodes.OK)) {
            log.info("discovery refused: {}", reply.getString("message"));
        }
        sendJson(request, 200, reply.encode());
    }

    private static JsonObject refusal(String code, String message) {
        return new JsonObject().put("code", code).put("message", message);
    }

    private void failDiscovery(HttpServerRequest request, DiscoveryFault fault) {
        if (fault instanceof DiscoveryFault.HttpStatus status) {
            request.response().setStatusCode(status.status()).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("fake jvQuant: scripted HTTP " + status.status());
        } else if (fault instanceof DiscoveryFault.GarbageJson) {
            sendJson(request, 200, DiscoveryFault.GarbageJson.BODY);
        } else if (fault instanceof DiscoveryFault.SlowReply slow) {
            vertx.setTimer(Math.max(1, slow.delay().toMillis()), id -> {
                if (!request.response().closed() && !request.response().ended()) {
                    answerDiscovery(request);
                }
            });
        } else if (fault instanceof DiscoveryFault.Busy) {
            sendJson(request, 200, refusal(DiscoveryCodes.BUSY, DiscoveryFault.Busy.MESSAGE).encode());
        } else {
            sendJson(request, 200, refusal(DiscoveryCodes.REFUSED, "refused by the test script").encode());
        }
    }

    private static void sendJson(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(body);
    }

    private void onHandshake(ServerWebSocketHandshake handshake) {
        String path = handshake.path().startsWith("/") ? handshake.path().substring(1) : handshake.path();
        ServerPaths.Admission admission = paths.check(path);
        if (admission == ServerPaths.Admission.UNKNOWN) {
            refuse(handshake, 404, "unknown path /" + path);
        } else if (admission == ServerPaths.Admission.ALREADY_USED) {
            refuse(handshake, 410, "path /" + path + " was already used; ask discovery for a fresh one");
        } else if (!token.equals(queryParameter(handshake.query(), "token"))) {
            refuse(handshake, 401, "missing or wrong token on /" + path);
        } else if (!paths.consume(path)) {
            refuse(handshake, 410, "path /" + path + " was just used by another upgrade");
        } else {
            handshake.accept();
        }
    }

    private void refuse(ServerWebSocketHandshake handshake, int status, String why) {
        log.info("WebSocket upgrade refused with HTTP {}: {}", status, why);
        refusedUpgrades.incrementAndGet();
        handshake.reject(status);
        signal();
    }

    private void onWebSocket(ServerWebSocket socket) {
        int id = connectionIds.incrementAndGet();
        String path = socket.path();
        FakeConnection connection = new FakeConnection(id, socket);
        socket.textMessageHandler(text -> onCommand(connection, text));
        socket.binaryMessageHandler(bytes -> {
            log.info("connection #{} sent a binary frame of {} bytes; answered with an error", id, bytes.length());
            connection.sendText(SubscriptionCommands.ERROR_PREFIX
                    + "binary frames are not commands; send add=, del=, all= or list as text");
        });
        socket.closeHandler(v -> {
            connection.markClosed();
            connections.remove(id);
            log.debug("connection #{} closed", id);
            signal();
        });
        socket.exceptionHandler(e -> log.debug("connection #{}: {}", id, e.toString()));
        connections.put(id, connection);
        if (welcome != null) {
            connection.sendText(welcome);
        }
        log.debug("connection #{} accepted on {}", id, path);
        signal();
    }

    private void onCommand(FakeConnection connection, String text) {
        String reply = connection.apply(text);
        log.debug("connection #{}: '{}' -> '{}'", connection.id, SubscriptionCommands.printable(text), reply);
        connection.sendText(reply);
        commands.add(new ClientCommand(connection.id, text));
        signal();
    }

    // ---------------------------------------------------------------- helpers

    private List<FakeConnection> openConnections() {
        List<FakeConnection> open = new ArrayList<>(connections.values());
        open.removeIf(c -> !c.isOpen());
        open.sort((a, b) -> Integer.compare(a.id, b.id));
        return open;
    }

    private int forEachConnection(Predicate<FakeConnection> action) {
        requireOpen();
        int n = 0;
        for (FakeConnection c : openConnections()) {
            if (action.test(c)) {
                n++;
            }
        }
        return n;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this FakeJvQuant is closed");
        }
    }

    /** The decoded value of query parameter {@code name}, or {@code null}. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void signal() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    private void awaitCondition(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what.get(), e);
                }
            }
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fake jvQuant failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("fake jvQuant: timed out after " + timeout + " " + what, e);
        }
    }

    private static void awaitQuietly(Future<?> future, Duration timeout) {
        try {
            await(future, timeout, "closing");
        } catch (IllegalStateException e) {
            log.warn("fake jvQuant: {}", e.getMessage());
        }
    }

    /** Builds and starts a {@link FakeJvQuant}. */
    public static final class Builder {
        private String token = DEFAULT_TOKEN;
        private String market = DEFAULT_MARKET;
        private int port;
        private boolean rotatePaths = true;
        private boolean advertiseScheme;
        private int deflateLevel = Deflater.DEFAULT_COMPRESSION;
        private int maxCommandBytes = 1024 * 1024;
        private String welcome;

        private Builder() {
        }

        /**
         * A text frame sent unasked to every new connection, before any reply (default none): a
         * server's welcome line, which a client must not take for the answer to its first command.
         */
        public Builder welcome(String welcome) {
            this.welcome = Objects.requireNonNull(welcome, "welcome");
            return this;
        }

        /** The token the fake accepts, default {@value FakeJvQuant#DEFAULT_TOKEN}. */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token is blank");
            }
            this.token = token;
            return this;
        }

        /** The market flag the fake serves, default {@value FakeJvQuant#DEFAULT_MARKET}. */
        public Builder market(String market) {
            Objects.requireNonNull(market, "market");
            if (market.isBlank()) {
                throw new IllegalArgumentException("market is blank");
            }
            this.market = market;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * On (the default): every discovery hands out a new path that admits one upgrade, so a client
         * must re-discover before every connection, as jvQuant asks. Off: one fixed path for all.
         */
        public Builder rotatePaths(boolean rotatePaths) {
            this.rotatePaths = rotatePaths;
            return this;
        }

        /** Whether discovery answers {@code ws://host:port/path} rather than {@code host:port/path} (default off). */
        public Builder advertiseScheme(boolean advertiseScheme) {
            this.advertiseScheme = advertiseScheme;
            return this;
        }

        /** Deflater level for quote frames, 0..9 or -1 (default). */
        public Builder deflateLevel(int level) {
            if (level < -1 || level > 9) {
                throw new IllegalArgumentException("deflate level must be -1..9, got " + level);
            }
            this.deflateLevel = level;
            return this;
        }

        /**
         * The largest frame a client may send (default 1 MiB); a larger one ends the connection,
         * as a server with a command size limit would.
         */
        public Builder maxCommandBytes(int maxCommandBytes) {
            if (maxCommandBytes < 1024) {
                throw new IllegalArgumentException("maxCommandBytes must be >= 1024, got " + maxCommandBytes);
            }
            this.maxCommandBytes = maxCommandBytes;
            return this;
        }

        /** Starts listening; returns once the port is bound. */
        public FakeJvQuant start() {
            return new FakeJvQuant(this);
        }
    }
}
