package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.ReplaySpeed;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * {@code jvq-fake-<port>-feed}; a replay by the recorded clock runs on a thread of its own, a
 * replay at a rate on the event loop, which paces and writes its frames itself (no hand-off per
 * frame: see {@link #replay(Capture, ReplayRate)}); {@link #close()} stops them all. Blocking test methods
 * ({@code take…}, {@code await…}) wait on the calling thread, never on the event loop.
 * A command is applied to its connection's subscription before {@link #takeCommand} returns it,
 * so a push right after {@code takeCommand} already sees the new subscription.
 */
public final class FakeJvQuant implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeJvQuant.class);

    public static final String DEFAULT_TOKEN = "test-token";
    public static final String DEFAULT_MARKET = "ab";
    /** The discovery endpoint's path. */
    public static final String DISCOVERY_PATH = "/server";

    private final FakeSettings settings;
    private final FakeState state = new FakeState();
    private final FakeEndpoints endpoints;
    private final QuoteFanOut fanOut;
    private final QuoteFeed feed;
    private final Replays replays = new Replays();
    private volatile boolean closed;

    private FakeJvQuant(FakeSettings settings) {
        this.settings = settings;
        this.endpoints = new FakeEndpoints(settings, state);
        this.fanOut = new QuoteFanOut(state, settings.deflateLevel());
        this.feed = new QuoteFeed(endpoints.port(), state, this::pushQuotes);
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
        return endpoints.port();
    }

    /** The token the fake accepts (a test value; real tokens never belong in tests). */
    public String token() {
        return settings.token();
    }

    public String market() {
        return settings.market();
    }

    /** The discovery endpoint without its query: {@code http://127.0.0.1:<port>/server}. */
    public URI discoveryUrl() {
        return URI.create("http://127.0.0.1:" + port() + DISCOVERY_PATH);
    }

    /**
     * A WebSocket URL without the token, for clients that skip discovery:
     * {@code ws://127.0.0.1:<port>/<path>}. With path rotation this issues a fresh one-use path, like
     * a discovery call that is not counted in {@link #discoveryCount()}.
     */
    public URI webSocketUrl() {
        return URI.create("ws://127.0.0.1:" + port() + "/" + endpoints.issuePath());
    }

    /** Client options aimed at this fake: its token, market and discovery URL. */
    public ClientOptions.Builder clientOptions() {
        return ClientOptions.builder(token()).market(market()).discoveryUrl(discoveryUrl());
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
        return state.pollCommand(timeout);
    }

    /** Commands received and not yet taken, oldest first; removes them. */
    public List<ClientCommand> drainCommands() {
        return state.drainCommands();
    }

    /** Discovery requests received (on {@value #DISCOVERY_PATH}), including refused and failed ones. */
    public int discoveryCount() {
        return state.discoveries.get();
    }

    /** WebSocket connections open now. */
    public int connectionCount() {
        return state.connections.size();
    }

    /** WebSocket connections accepted since start. */
    public int acceptedConnectionCount() {
        return state.acceptedConnections.get();
    }

    /** WebSocket upgrades refused (unknown or used path, wrong token) since start. */
    public int refusedUpgradeCount() {
        return state.refusedUpgrades.get();
    }

    /** Ids of the open connections, in order of acceptance. */
    public List<Integer> openConnectionIds() {
        return state.connections.keySet().stream().sorted().toList();
    }

    /**
     * The subscription of an open connection, in the order codes were added.
     *
     * @throws IllegalArgumentException when no such connection is open
     */
    public List<SubscriptionCode> subscriptionOf(int connectionId) {
        FakeConnection connection = state.connections.get(connectionId);
        if (connection == null) {
            throw new IllegalArgumentException("no open connection #" + connectionId + "; open: " + openConnectionIds());
        }
        return connection.subscription();
    }

    /** Waits until exactly {@code n} connections are open. */
    public void awaitConnections(int n, Duration timeout) {
        state.await(() -> state.connections.size() == n, timeout,
                () -> n + " open connection(s); open now: " + state.connections.size());
    }

    /** Waits until at least {@code n} connections have been accepted since start. */
    public void awaitAcceptedConnections(int n, Duration timeout) {
        state.await(() -> state.acceptedConnections.get() >= n, timeout,
                () -> n + " accepted connection(s); accepted so far: " + state.acceptedConnections.get());
    }

    /** Waits until at least {@code n} discovery requests have arrived since start. */
    public void awaitDiscoveries(int n, Duration timeout) {
        state.await(() -> state.discoveries.get() >= n, timeout,
                () -> n + " discovery request(s); received so far: " + state.discoveries.get());
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
        return fanOut.send(lines, null);
    }

    /** Deflates {@code text} as is and sends it to every open connection, whatever its subscription. */
    public int pushQuotesToAll(String text) {
        return pushBinary(fanOut.deflate(text));
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
        return pushBinary(notRawDeflateBytes());
    }

    /** The bytes {@link #pushNotDeflate()} sends. */
    public static byte[] notRawDeflateBytes() {
        return RawDeflate.zlibWrapped("lv1_600519=not raw deflate\n");
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
        eachConnection(c -> c.close(code, reason == null ? "" : reason));
    }

    /**
     * Drops every open connection's TCP connection at once, with no close frame: a TCP reset, so the
     * client's next read fails ("connection reset"), as when the server crashes.
     */
    public void cutAll() {
        eachConnection(FakeConnection::cut);
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
        eachConnection(FakeConnection::stall);
    }

    /** Unfreezes stalled connections; what waited in their buffers is read and answered now. */
    public void resume() {
        eachConnection(c -> {
            if (c.isStalled()) {
                c.resume();
            }
        });
    }

    // ---------------------------------------------------------------- discovery faults

    /** The next {@code n} discovery calls answer HTTP 200 with code {@link DiscoveryCodes#REFUSED}. */
    public void refuseNextDiscoveries(int n) {
        failNextDiscoveries(n, DiscoveryFault.refusal());
    }

    /** The next {@code n} discovery calls fail with {@code fault} (queued after faults already scripted). */
    public void failNextDiscoveries(int n, DiscoveryFault fault) {
        state.scriptDiscoveryFaults(n, fault);
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
        requireOpen();
        feed.start(source, tickInterval);
    }

    /**
     * Stops the feed (no-op without one).
     *
     * @throws IllegalStateException when the feed had stopped on a failure of its source
     */
    public void stopFeed() {
        feed.stop();
    }

    /** Why the feed stopped on its own, if it did (cleared by {@link #stopFeed()} and {@link #startFeed}). */
    public Optional<Throwable> feedFailure() {
        return feed.failure();
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
        return replays.start(new Replay(this, capture, speed, "jvq-fake-" + port() + "-replay"));
    }

    /**
     * Replays a capture's quote frames paced by trades ({@link ReplayRate}), for load tests: each
     * frame is prepared once (deflated, trades counted) before the first is sent, then sent to every
     * open connection filtered by its subscription, like a binary
     * entry of {@link #replay(Capture, ReplaySpeed)}. The capture's texts, faults and commands are
     * not played. {@link Replay#tradesSent()} tells how many trades went out. The fake's event loop
     * paces and writes the frames itself, parking up to 1.5 ms before each (its sockets are read
     * between frames), so that the fake adds no thread hand-off to a frame's latency.
     *
     * @throws IllegalArgumentException when the capture holds no quote frame
     */
    public Replay replay(Capture capture, ReplayRate rate) {
        return replay(capture, rate, ReplayProbe.NONE);
    }

    /**
     * {@link #replay(Capture, ReplayRate)}, telling {@code probe} of each frame just before it is
     * written (on the fake's event loop, which paces and writes a rate replay itself).
     */
    public Replay replay(Capture capture, ReplayRate rate, ReplayProbe probe) {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(probe, "probe");
        requireOpen();
        List<PreparedFrame> frames = new ArrayList<>();
        for (CaptureEntry entry : capture.entries()) {
            PreparedFrame frame = PreparedFrame.of(entry, fanOut);
            if (frame != null) {
                frames.add(frame);
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("the capture holds no quote frame to replay at a rate");
        }
        return replays.start(new Replay(this, capture, rate, List.copyOf(frames), probe, endpoints.eventLoop()));
    }

    /** Replay's way to send a prepared frame, filtered per connection or as it is to everyone. */
    int pushPrepared(PreparedFrame frame, boolean filtered) {
        requireOpen();
        return fanOut.sendPrepared(frame, filtered);
    }

    /** Replay's way to send recorded quote text: filtered like {@link #pushQuotes}, malformed lines to everyone. */
    int pushRecordedQuotes(String text) {
        return fanOut.send(text, null);
    }

    /** Replay's way to send a recorded binary frame (see {@link #replay}). */
    int pushRecordedBinary(byte[] wire) {
        requireOpen();
        return fanOut.sendRecorded(wire);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops feed and replays, closes every connection and the port, and stops every thread the fake owns. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        replays.cancelAll();
        feed.close();
        replays.joinAll(FakeEndpoints.CLOSE_TIMEOUT);
        endpoints.close();
        state.changed();
        LOG.info("fake jvQuant on port {} closed", port());
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "FakeJvQuant[127.0.0.1:" + port() + ", market " + market() + ", open connections " + connectionCount() + "]";
    }

    // ---------------------------------------------------------------- helpers

    /** Tells every open connection, in order; returns how many said they did it. */
    private int forEachConnection(Predicate<FakeConnection> action) {
        requireOpen();
        return state.forEachOpen(action);
    }

    private void eachConnection(Consumer<FakeConnection> action) {
        forEachConnection(c -> {
            action.accept(c);
            return true;
        });
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this FakeJvQuant is closed");
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
            this.token = FakeSettings.notBlank(token, "token");
            return this;
        }

        /** The market flag the fake serves, default {@value FakeJvQuant#DEFAULT_MARKET}. */
        public Builder market(String market) {
            this.market = FakeSettings.notBlank(market, "market");
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = FakeSettings.within(port, 0, 65535, "port");
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
            this.deflateLevel = FakeSettings.within(level, -1, 9, "deflate level");
            return this;
        }

        /**
         * The largest frame a client may send (default 1 MiB); a larger one ends the connection,
         * as a server with a command size limit would.
         */
        public Builder maxCommandBytes(int maxCommandBytes) {
            this.maxCommandBytes = FakeSettings.within(maxCommandBytes, 1024, Integer.MAX_VALUE, "maxCommandBytes");
            return this;
        }

        /** Starts listening; returns once the port is bound. */
        public FakeJvQuant start() {
            return new FakeJvQuant(new FakeSettings(token, market, port, rotatePaths, advertiseScheme, deflateLevel,
                    maxCommandBytes, welcome));
        }
    }
}
