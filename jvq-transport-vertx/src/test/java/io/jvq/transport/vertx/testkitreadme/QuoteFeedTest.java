// jvq-testkit/README.md's example test class, as it is there (without a package there), run on
// the Vert.x transport. ReadmeJavaBlocksTest (jvq-cli) checks that the README shows it line for line.
// Its own package, so that the README's import of JvqVertx is not a redundant one here.
package io.jvq.transport.vertx.testkitreadme;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.FakeServer;
import io.jvq.transport.vertx.JvqVertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteFeedTest {
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
}
