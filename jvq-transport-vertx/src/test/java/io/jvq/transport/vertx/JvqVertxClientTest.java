package io.jvq.transport.vertx;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JvqVertx#clientBuilder} end to end with the session engine, against a hand-made server
 * that speaks just enough of the protocol: a discovery reply, then one lv1 push after {@code all=}.
 */
class JvqVertxClientTest {
    private static final String LINE = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "110,1700.51,210,1700.52,310,1700.53,410,1700.54,510,1700.55";

    private static Vertx serverVertx;
    private static TestServer server;
    private static final BlockingQueue<String> COMMANDS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        serverVertx = Vertx.vertx();
        server = TestServer.start(serverVertx);
        server.onRequest(request -> request.response()
                .end("{\"code\":\"0\",\"server\":\"127.0.0.1:" + server.port() + "/quotes\"}"));
        server.onAccept(ws -> ws.textMessageHandler(command -> {
            COMMANDS.add(command);
            if (command.startsWith("all=")) {
                ws.writeBinaryMessage(Buffer.buffer(rawDeflate(LINE + "\n")));
            }
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
        await(serverVertx.close().toCompletionStage().toCompletableFuture());
    }

    static byte[] rawDeflate(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static ClientOptions options() {
        return ClientOptions.builder(TestServer.TOKEN)
                .discoveryUrl(server.httpUri("/server"))
                .connectTimeout(Duration.ofSeconds(30))
                .discoveryTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void subscribesAndReceivesAQuoteOnItsOwnVertxThenStopsItsThreads() throws Exception {
        BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
        BlockingQueue<String> quoteThreads = new LinkedBlockingQueue<>();
        // The README's plain snippet: subscribes lv1 and lv2 of 600519, then starts.
        JvqClient client = ReadmeSnippets.plain(options(), new QuoteListener() {
            @Override
            public void onLevel1(Level1Quote quote) {
                quoteThreads.add(Thread.currentThread().getName());
                quotes.add(quote);
            }
        });
        try {
            Level1Quote quote = quotes.poll(30, TimeUnit.SECONDS);
            assertThat(quote).as("a quote within 30 s").isNotNull();
            assertThat(quote.code()).isEqualTo(SubscriptionCode.parse("lv1_600519"));
            assertThat(quote.name()).isEqualTo("贵州茅台");
            assertThat(quote.priceDecimal()).isEqualByComparingTo("1700.50");
            assertThat(COMMANDS).contains("all=lv1_600519,lv2_600519");
            assertThat(quoteThreads.take()).startsWith(VertxInternals.THREAD_PREFIX);
        } finally {
            client.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jvqThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jvqThreadsAlive()).as("jvq's own Vert.x threads are gone after client.close()").isFalse();
    }

    @Test
    void runsOnAVertxItIsGivenAndLeavesItRunning() throws Exception {
        Vertx users = Vertx.vertx();
        try {
            BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
            JvqClient client = JvqVertx.clientBuilder(users, options())
                    .listener(new QuoteListener() {
                        @Override
                        public void onLevel1(Level1Quote quote) {
                            quotes.add(quote);
                        }
                    })
                    .build();
            client.subscribe(SubscriptionCode.parse("lv1_600519"));
            client.start();
            assertThat(quotes.poll(30, TimeUnit.SECONDS)).as("a quote within 30 s").isNotNull();
            client.close();

            await(users.timer(1, TimeUnit.MILLISECONDS).toCompletionStage().toCompletableFuture());
            assertThat(jvqThreadsAlive()).isFalse();
        } finally {
            await(users.close().toCompletionStage().toCompletableFuture());
        }
    }

    private static boolean jvqThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith(VertxInternals.THREAD_PREFIX));
    }
}
