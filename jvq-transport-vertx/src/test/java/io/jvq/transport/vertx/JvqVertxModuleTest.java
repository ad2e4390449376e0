package io.jvq.transport.vertx;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Guice module end to end: the README's snippet against the fake jvQuant server. */
class JvqVertxModuleTest {
    private static final String MOUTAI = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "110,1700.51,210,1700.52,310,1700.53,410,1700.54,510,1700.55";

    @Test
    void anInjectedClientSubscribesAndReceivesTheQuotesTheServerPushes() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
            QuoteListener listener = new QuoteListener() {
                @Override
                public void onLevel1(Level1Quote quote) {
                    quotes.add(quote);
                }
            };
            ClientOptions options = server.clientOptions().build();

            JvqClient client = ReadmeSnippets.withGuice(options, listener);
            try {
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv1_600519");
                server.pushQuotes(MOUTAI);

                Level1Quote quote = quotes.poll(30, TimeUnit.SECONDS);
                assertThat(quote).as("a quote within 30 s").isNotNull();
                assertThat(quote.name()).isEqualTo("贵州茅台");
                assertThat(quote.priceDecimal()).isEqualByComparingTo("1700.50");
                assertThat(quote.bidQuantity(1)).isEqualTo(100);
                assertThat(quote.askPrice(5)).isEqualTo(17_005_500L);
            } finally {
                client.close();
            }
            server.awaitConnections(0, Duration.ofSeconds(30));
        }
    }
}
