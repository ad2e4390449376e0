package io.jvq.transport.jdk;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's "Without a container" snippet, run against the fake jvQuant. */
class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetConnectsReceivesQuotesAndClosesTheClient() throws Exception {
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            ClientOptions options = fake.clientOptions().build();
            BlockingQueue<JvqEvent> events = new LinkedBlockingQueue<>();
            QuoteListener myListener = new QuoteListener() {
                @Override
                public void onEvent(JvqEvent event) {
                    events.add(event);
                }
            };
            Thread pusher = new Thread(() -> {
                fake.takeCommand(Duration.ofSeconds(15));
                fake.pushQuotes("lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
                        + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
                        + "100,1700.50,200,1700.51,300,1700.52,400,1700.53,500,1700.54");
            });
            pusher.start();

            // ---- README "Without a container"
            try (JvqClient client = JvqJdk.clientBuilder(options)
                    .listener(myListener)
                    .build()) {
                client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
                client.start();
                // ... quotes arrive at myListener until close()
                // ---- end
                JvqEvent event;
                do {
                    event = events.poll(15, TimeUnit.SECONDS);
                } while (event != null && !(event instanceof Level1Quote));
                assertThat(event).as("a level-1 quote over the JDK transport").isInstanceOf(Level1Quote.class);
                assertThat(((Level1Quote) event).code()).isEqualTo(SubscriptionCode.lv1("600519"));
            }
            pusher.join(15_000);

            JvqEvent last;
            do {
                last = events.poll(15, TimeUnit.SECONDS);
            } while (last != null && !(last instanceof ConnectionEvent.Closed));
            assertThat(last).as("the client's Closed event").isInstanceOf(ConnectionEvent.Closed.class);
        }
    }
}
