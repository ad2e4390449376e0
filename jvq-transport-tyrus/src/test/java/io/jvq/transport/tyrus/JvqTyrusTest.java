package io.jvq.transport.tyrus;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ServerText;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JvqTyrusTest {

    @Test
    void thePlainBuilderGivesAWorkingClientOnThisTransport() throws Exception {
        BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        try (FakeJvQuant fake = FakeJvQuant.start();
             JvqClient client = JvqTyrus.clientBuilder(fake.clientOptions().build())
                     .listener(new QuoteListener() {
                         @Override
                         public void onServerText(ServerText text) {
                             texts.add(text.text());
                         }
                     })
                     .build()) {
            client.subscribe(SubscriptionCode.lv1("600519"));
            client.start();
            assertThat(fake.takeCommand(Duration.ofSeconds(15)).text()).isEqualTo("all=lv1_600519");

            assertThat(client.list().get(15, TimeUnit.SECONDS)).isEqualTo("list: lv1_600519");
            assertThat(texts.poll(15, TimeUnit.SECONDS)).isEqualTo("all ok: lv1_600519");
        }
    }
}
