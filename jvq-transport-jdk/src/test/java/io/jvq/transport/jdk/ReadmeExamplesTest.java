package io.jvq.transport.jdk;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's "Without a container" snippet, run against the fake jvQuant (quotes: {@link JdkConformanceTest}). */
class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetSubscribesOverTheJdkTransportAndClosesTheClient() throws Exception {
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            ClientOptions options = fake.clientOptions().build();
            BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
            QuoteListener myListener = QuoteListener.onConnectionEvents(events::add);

            // ---- README "Without a container"
            try (JvqClient client = JvqJdk.clientBuilder(options)
                    .listener(myListener)
                    .build()) {
                client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
                client.start();
                // ... quotes arrive at myListener until close()
            }
            // ---- end

            ConnectionEvent event;
            do {
                event = events.poll(15, TimeUnit.SECONDS);
            } while (event != null && !(event instanceof ConnectionEvent.Closed));
            assertThat(event).as("the client's Closed event").isInstanceOf(ConnectionEvent.Closed.class);
            fake.awaitConnections(0, Duration.ofSeconds(15));
        }
    }
}
