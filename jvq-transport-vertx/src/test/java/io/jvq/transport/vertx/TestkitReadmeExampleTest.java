package io.jvq.transport.vertx;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.FakeServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of jvq-testkit/README.md, kept compiling and passing on a real transport; the last
 * test checks the README still shows it.
 */
class TestkitReadmeExampleTest {
    // README example start
    @Test
    void resubscribesAfterTheConnectionDrops(@FakeServer FakeJvQuant server) throws InterruptedException {
        BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
        try (JvqClient client = JvqVertx.clientBuilder(server.clientOptions().build())   // or JvqTyrus
                .listener(new QuoteListener() {
                    @Override
                    public void onLevel1(Level1Quote quote) {
                        quotes.add(quote);
                    }
                })
                .build()) {
            client.subscribe(SubscriptionCode.lv1("600519"));
            client.start();
            assertThat(server.takeCommand(Duration.ofSeconds(10)).text()).isEqualTo("all=lv1_600519");

            server.pushQuotes("lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
                    + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
                    + "100,1700.50,200,1700.51,300,1700.52,400,1700.53,500,1700.54");
            assertThat(quotes.poll(10, TimeUnit.SECONDS).name()).isEqualTo("贵州茅台");

            server.cutAll();                      // the TCP connection is reset, no close frame
            assertThat(server.takeCommand(Duration.ofSeconds(10)).text()).isEqualTo("all=lv1_600519");
            assertThat(server.discoveryCount()).isEqualTo(2);   // a fresh address before reconnecting
        }
    }
    // README example end

    @Test
    void theReadmeShowsThisExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/jvq/transport/vertx/TestkitReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        String start = "    // README example start\n";
        String example = source.substring(source.indexOf(start) + start.length(), source.indexOf("    // README example end"));
        String readme = Files.readString(Path.of("../jvq-testkit/README.md"), StandardCharsets.UTF_8);

        assertThat(normalized(readme)).contains(normalized(example));
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
